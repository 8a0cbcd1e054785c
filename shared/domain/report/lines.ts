import { formatDay } from '../export/labels'
import { SYNTHETIC_WORD } from '../export/provenance'
import { formatTime } from '../export/titleBlock'
import type { PositionLine, Report, ReportSection, TextChange } from './types'

/** What marks an item the demo invented, wherever a report is shown or exported. */
export const SYNTHETIC_MARK = ` [${SYNTHETIC_WORD}]`

const mark = (synthetic: boolean) => (synthetic ? SYNTHETIC_MARK : '')

// Where a position comes from, after it: " — Reported: <source>", " — Recorded by <record>";
// an invented one ends in the mark every synthetic item carries, after its source if any.
const provenanceOf = (p: PositionLine): string =>
  p.provenance === 'synthetic'
    ? `${p.source ? ` (${p.source})` : ''}${SYNTHETIC_MARK}`
    : ` — ${p.provenanceText}`

/** The opening lines of a report: its period, what its text changes compare, its filters. */
export function reportSummary(report: Report): string[] {
  const lines = [`${report.since.label}, to ${formatTime(report.generatedAt)}.`]
  const b = report.baseline
  if (b.name && b.at) {
    lines.push(
      b.exact
        ? `Text changes are marked against the ${b.name} (frozen ${formatDay(b.at)}), the text as it stood at the start.${mark(b.synthetic)}`
        : `Text changes are marked against the ${b.name} (frozen ${formatDay(b.at)}), the latest text frozen before the start.${mark(b.synthetic)}`,
    )
  }
  const f = report.filter
  if (f.articles.length > 0) lines.push(`Only articles: ${f.articles.join(', ')}.`)
  if (f.actors.length > 0) lines.push(`Only actors: ${f.actors.join(', ')}.`)
  const c = report.counts
  lines.push(
    `${c.textChanges} article(s) changed, ${c.proposals} proposal event(s), ${c.positions} position(s) recorded.`,
  )
  if (report.synthetic) {
    lines.push(
      `Entries marked${SYNTHETIC_MARK} were invented for the demo and are not from a source.`,
    )
  }
  return lines
}

/** One block of a section: its text change, or a heading with lines under it. */
export type SectionBlock =
  | { kind: 'text-change'; heading: string; change: TextChange }
  | { kind: 'list'; heading: string; lines: string[] }

const CHANGE_HEADINGS: Record<TextChange['change'], string> = {
  changed: 'Text changes',
  added: 'New article',
  deleted: 'Article deleted',
}

const STANCE_WORDS: Record<string, string> = {
  supports: 'supports',
  opposes: 'opposes',
  concerns: 'has concerns about',
  neutral: 'is neutral on',
  statement: 'made a statement on',
}

/** A section as blocks of lines, in the order every rendering of a report shows them. */
export function sectionLines(s: ReportSection): SectionBlock[] {
  const blocks: SectionBlock[] = []
  if (s.textChange) {
    const c = s.textChange
    const heading = c.compared
      ? CHANGE_HEADINGS[c.change]
      : `${CHANGE_HEADINGS[c.change]} (not marked: too many articles changed)`
    blocks.push({ kind: 'text-change', heading, change: c })
  }
  if (s.edits.length > 0) {
    blocks.push({
      kind: 'list',
      heading: 'Edits on record',
      lines: s.edits.map(
        (e) =>
          `${formatTime(e.at)}: ${e.byName} ${e.cleaning ? `${e.cleaning}; ` : ''}edited the wording (+${e.insertedChars} / −${e.deletedChars} characters)${mark(e.synthetic)}`,
      ),
    })
  }
  if (s.proposals.length > 0) {
    blocks.push({
      kind: 'list',
      heading: 'Proposals',
      lines: s.proposals.map(
        (p) =>
          `${formatTime(p.at)}: ${p.what}: ${p.ref} “${p.title}” (${p.kind}; ${p.sponsors.join(', ')}), by ${p.byName}; now ${p.status}.${p.wordingText ? ` Wording: “${p.wordingText}”` : ''}${mark(p.synthetic)}`,
      ),
    })
  }
  if (s.positions.length > 0) {
    blocks.push({
      kind: 'list',
      heading: 'Positions and statements',
      lines: s.positions.map(
        (p) =>
          `${formatTime(p.at)}: ${p.actor} ${STANCE_WORDS[p.stance] ?? p.stance} ${p.proposalRef} “${p.proposalTitle}”${p.quote ? `: “${p.quote}”` : ''}${provenanceOf(p)}`,
      ),
    })
  }
  if (s.other.length > 0) {
    blocks.push({
      kind: 'list',
      heading: 'Also on record',
      lines: s.other.map(
        (o) => `${formatTime(o.at)}: ${o.text}, by ${o.byName}${mark(o.synthetic)}`,
      ),
    })
  }
  return blocks
}
