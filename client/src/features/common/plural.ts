/**
 * A count with its word in the right number: `counted(1, 'word')` is "1 word", `counted(2, 'word')`
 * "2 words"; irregular plurals (and verbs: "1 supports", "2 support") are given.
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}
