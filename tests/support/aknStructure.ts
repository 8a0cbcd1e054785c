import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'

// The content models of the Akoma Ntoso 3.0 elements Plenary writes, as the OASIS schema
// (akomantoso30.xsd, release of 30 March 2017) defines them, written out by hand for the subset
// we use: no npm or Debian package ships the schema, so a test cannot always run it.
const HIER = ['article', 'hcontainer', 'part', 'chapter', 'section', 'paragraph', 'point']
const INLINE = [
  '#text',
  'i',
  'b',
  'span',
  'placeholder',
  'authorialNote',
  'docTitle',
  'docStage',
  'docProponent',
  'docStatus',
]
const CHILDREN: Record<string, string[]> = {
  akomaNtoso: ['act', 'bill', 'doc'],
  act: ['meta', 'preface', 'preamble', 'body'],
  bill: ['meta', 'preface', 'preamble', 'body'],
  doc: ['meta', 'preface', 'preamble', 'mainBody'],
  meta: ['identification', 'references'],
  identification: ['FRBRWork', 'FRBRExpression', 'FRBRManifestation'],
  FRBRWork: ['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor', 'FRBRcountry', 'FRBRname'],
  FRBRExpression: ['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor', 'FRBRlanguage'],
  FRBRManifestation: ['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor'],
  references: ['TLCOrganization', 'TLCPerson', 'TLCRole'],
  preface: ['longTitle', 'p', 'container'],
  longTitle: ['p'],
  preamble: ['recitals', 'container', 'p'],
  recitals: ['recital'],
  recital: ['num', 'p'],
  container: ['p', 'container'],
  body: HIER,
  mainBody: [...HIER, 'p', 'container'],
  content: ['p'],
  intro: ['p'],
  wrapUp: ['p'],
  authorialNote: ['p'],
  num: INLINE,
  heading: INLINE,
  p: INLINE,
  span: INLINE,
  i: INLINE,
  b: INLINE,
  placeholder: INLINE,
  docTitle: INLINE,
  docStage: INLINE,
  docProponent: INLINE,
  docStatus: INLINE,
}
for (const h of HIER) CHILDREN[h] = ['num', 'heading', 'intro', 'content', 'wrapUp', ...HIER]
// Elements whose `name` attribute the schema requires.
const NAMED = ['act', 'bill', 'doc', 'hcontainer', 'container']
// Elements that must hold at least one child element.
const NON_EMPTY = [
  'recitals',
  'recital',
  'container',
  'content',
  'intro',
  'wrapUp',
  'body',
  'authorialNote',
]

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> }

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  trimValues: false,
})

const nameOf = (n: Ordered): string => Object.keys(n).find((k) => k !== ':@') ?? ''

/**
 * What breaks the AKN 3.0 content models Plenary writes in `xml` ([] if nothing): unknown
 * elements or children, a hierarchy mixing `content` with sub-elements or out of order, required
 * `name`s, empty containers, eIds and GUIDs duplicated or with whitespace, an `alternativeTo`
 * naming no eId.
 */
export function aknStructureProblems(xml: string): string[] {
  const problems: string[] = []
  const eIds = new Set<string>()
  const guids = new Set<string>()
  const alternatives: string[] = []
  const visit = (node: Ordered, where: string) => {
    const name = nameOf(node)
    if (name === '#text' || name === '?xml') return
    const attrs = node[':@'] ?? {}
    const at = `${where}/${name}${attrs.eId ? `[${attrs.eId}]` : ''}`
    const children = (node[name] as Ordered[] | undefined) ?? []
    const allowed = CHILDREN[name]
    const kids = children.map(nameOf).filter((k) => k !== '#text')
    if (!allowed && !name.startsWith('FRBR') && !name.startsWith('TLC')) {
      problems.push(`${at}: element not in the subset`)
    }
    for (const k of kids) {
      if (allowed && !allowed.includes(k)) problems.push(`${at}: <${k}> not allowed here`)
    }
    const words = children.filter((c) => nameOf(c) === '#text' && String(c['#text']).trim())
    if (words.length > 0 && !allowed?.includes('#text')) {
      problems.push(`${at}: text not allowed here`)
    }
    if (NAMED.includes(name) && !attrs.name) problems.push(`${at}: name is required`)
    if (NON_EMPTY.includes(name) && kids.length === 0) {
      problems.push(`${at}: must hold an element`)
    }
    if (HIER.includes(name)) {
      const order = kids
      const rest = order.filter((k) => k !== 'num' && k !== 'heading')
      if (rest.includes('content') && rest.length > 1) {
        problems.push(`${at}: content beside other parts`)
      }
      const intro = rest.indexOf('intro')
      const wrapUp = rest.indexOf('wrapUp')
      if (intro > 0) problems.push(`${at}: intro not first`)
      if (wrapUp >= 0 && wrapUp !== rest.length - 1) problems.push(`${at}: wrapUp not last`)
      const lastHead = Math.max(order.lastIndexOf('num'), order.lastIndexOf('heading'))
      if (lastHead > 0 && order.slice(0, lastHead).some((k) => k !== 'num' && k !== 'heading')) {
        problems.push(`${at}: num and heading must come first`)
      }
    }
    for (const key of ['eId', 'GUID'] as const) {
      const v = attrs[key]
      if (v === undefined) continue
      if (!/^\S+$/.test(v)) problems.push(`${at}: ${key} "${v}" is empty or has whitespace`)
      const seen = key === 'eId' ? eIds : guids
      if (seen.has(v)) problems.push(`${at}: ${key} "${v}" is not unique`)
      seen.add(v)
    }
    if (attrs.alternativeTo !== undefined) alternatives.push(attrs.alternativeTo)
    for (const child of children) visit(child, at)
  }
  for (const node of parser.parse(xml) as Ordered[]) visit(node, '')
  for (const ref of alternatives) {
    if (!eIds.has(ref)) problems.push(`alternativeTo="${ref}" names no eId`)
  }
  return problems
}

/**
 * Validates `xml` with xmllint against the AKN 3.0 schema in tests/support/akn/ (or at `AKN_XSD`:
 * akomantoso30.xsd, with the xml.xsd it imports beside it): null when it validates, else xmllint's complaint; undefined
 * when there is no schema or no xmllint on this machine.
 */
export function xsdProblems(xml: string): string | null | undefined {
  const xsd =
    process.env.AKN_XSD || fileURLToPath(new URL('./akn/akomantoso30.xsd', import.meta.url))
  if (!fs.existsSync(xsd)) return undefined
  if (spawnSync('which', ['xmllint']).status !== 0) return undefined
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-akn-'))
  const file = path.join(dir, 'text.akn.xml')
  try {
    fs.writeFileSync(file, xml)
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' })
    return null
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
