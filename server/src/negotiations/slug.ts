import { isValidSegment } from '../../../shared/collab'

/** A negotiation id derived from a name: lower-case ASCII words joined by dashes, at most 64. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '')
  return isValidSegment(slug) ? slug : 'negotiation'
}

/** The first of `base`, `base-2`, `base-3`, ... that `taken` says is free. */
export async function freeSlug(
  base: string,
  taken: (id: string) => Promise<boolean>,
): Promise<string> {
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? base : `${base}-${n}`
    if (!(await taken(id))) return id
  }
}
