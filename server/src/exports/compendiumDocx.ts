import { Paragraph, TextRun } from 'docx'
import {
  compendiumHasSynthetic,
  sponsorsLine,
  STANCE_HEADINGS,
  SYNTHETIC_NOTE,
  SYNTHETIC_WORD,
  type CompendiumEntry,
  type CompendiumSection,
  type TitleBlock,
} from '../../../shared/domain/export'
import { centred, clauseParagraphs, docxFile, titleBlockParagraphs } from './docxParts'

/**
 * The compendium of proposals as a Word document: per article in text order, each proposal
 * with sponsors, kind and parameters, wording, rationale, status with history, and positions
 * by stance with counts, each position with where it comes from; a proposal invented for the
 * demo is marked "Synthetic" beside its title.
 */
export function compendiumDocx(
  title: string,
  subtitle: string,
  sections: readonly CompendiumSection[],
  titleBlock?: TitleBlock,
): Promise<Buffer> {
  const children: Paragraph[] = titleBlock ? titleBlockParagraphs(titleBlock) : []
  if (subtitle) children.push(centred(subtitle))
  children.push(centred(title, { bold: true, size: 32 }))
  if (compendiumHasSynthetic(sections)) children.push(centred(SYNTHETIC_NOTE))
  if (sections.length === 0) children.push(line('No proposal has been tabled.'))
  for (const section of sections) {
    children.push(centred(section.heading, { bold: true, size: 26 }))
    for (const entry of section.entries) children.push(...entryParagraphs(entry))
  }
  return docxFile(subtitle ? `${title} — ${subtitle}` : title, children)
}

function entryParagraphs(e: CompendiumEntry): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      keepNext: true,
      spacing: { before: 240, after: 80 },
      children: [
        new TextRun({ text: `${e.ref}. ${e.title}`, bold: true }),
        ...(e.synthetic ? [new TextRun({ text: ` [${SYNTHETIC_WORD}]`, bold: true })] : []),
      ],
    }),
  ]
  const co = e.coSponsors.length > 0 ? `; co-sponsored by ${e.coSponsors.join(', ')}` : ''
  out.push(field('Sponsors', sponsorsLine(e) + co))
  out.push(field('Kind', e.kind), field('Status', e.status))
  if (e.quote) out.push(field('Amends', `“${e.quote}”`))
  out.push(field('Proposed wording', ''))
  if (e.wording.title) out.push(line(e.wording.title, { bold: true, indent: 567 }))
  const wording = clauseParagraphs(e.wording.clauses, 1)
  out.push(...(wording.length > 0 ? wording : [line('(none)', { indent: 567 })]))
  if (e.rationale) out.push(field('Rationale', e.rationale))
  out.push(field('History', ''))
  for (const h of e.history) out.push(line(`${h.day}: ${h.text}`, { indent: 567 }))
  if (e.positions.length === 0) out.push(field('Positions', 'none recorded'))
  for (const group of e.positions) {
    out.push(field(`${STANCE_HEADINGS[group.stance]} (${group.count})`, ''))
    for (const p of group.positions) {
      const round = p.round ? ` (${p.round})` : ''
      const quote = p.quote ? ` “${p.quote}”` : ''
      out.push(line(`${p.actor}${round} — ${p.provenanceText}${quote}`, { indent: 567 }))
    }
  }
  if (e.superseded > 0) {
    out.push(line(`${e.superseded} earlier position(s) superseded, kept in the record.`))
  }
  return out
}

const field = (name: string, value: string) =>
  new Paragraph({
    spacing: { after: 60 },
    keepNext: value === '',
    children: [
      new TextRun({ text: `${name}:`, bold: true }),
      new TextRun(value ? ` ${value}` : ''),
    ],
  })

const line = (text: string, options: { bold?: boolean; indent?: number } = {}) =>
  new Paragraph({
    indent: options.indent ? { left: options.indent } : undefined,
    spacing: { after: 60 },
    children: [new TextRun({ text, bold: options.bold })],
  })
