import type { Position, Proposal } from '../proposals/types'
import {
  compendium,
  sponsorsLine,
  compendiumHasSynthetic,
  type CompendiumArticle,
  type CompendiumEntry,
  type CompendiumNames,
} from './compendium'
import { escapeHtml } from './escape'
import { STANCE_HEADINGS } from './labels'
import { footnotesOf } from './nest'
import { clausesHtml, footnotesHtml, printPage } from './printPage'
import { SYNTHETIC_NOTE, SYNTHETIC_WORD } from './provenance'
import { titleBlockHtml, type TitleBlock } from './titleBlock'

/** What heads a printed compendium, and the names of actors and rounds. */
export interface CompendiumOptions extends CompendiumNames {
  title: string
  subtitle?: string
  titleBlock?: TitleBlock
}

/**
 * The compendium of proposals as print-ready HTML: per article in text order, each proposal
 * past its draft with sponsors, kind and parameters, wording, rationale, status with its
 * history, and current positions by stance with counts (see `compendium`).
 */
export function compendiumHtml(
  proposals: readonly Proposal[],
  positions: readonly Position[],
  articles: ReadonlyArray<CompendiumArticle>,
  options: CompendiumOptions,
): string {
  const sections = compendium(proposals, positions, articles, options)
  const parts: string[] = options.titleBlock ? [titleBlockHtml(options.titleBlock)] : []
  parts.push('<header class="cover">')
  if (options.subtitle) parts.push(`<p class="subtitle">${escapeHtml(options.subtitle)}</p>`)
  parts.push(`<h1>${escapeHtml(options.title)}</h1>`)
  if (compendiumHasSynthetic(sections)) {
    parts.push(`<p class="synthetic-note">${escapeHtml(SYNTHETIC_NOTE)}</p>`)
  }
  parts.push('</header>')
  if (sections.length === 0) parts.push('<p>No proposal has been tabled.</p>')
  for (const section of sections) {
    const id = section.article ? ` id="art_${section.article.number}"` : ''
    parts.push(`<section class="article"${id}>`, `<h2>${escapeHtml(section.heading)}</h2>`)
    for (const entry of section.entries) parts.push(entryHtml(entry))
    parts.push('</section>')
  }
  return printPage(options.title, parts.join('\n'))
}

const SYNTHETIC_BADGE = `<span class="badge-synthetic">${SYNTHETIC_WORD}</span>`

function entryHtml(e: CompendiumEntry): string {
  const esc = escapeHtml
  const out: string[] = [`<div class="proposal" id="${esc(e.id)}">`]
  out.push(`<h3>${esc(e.ref)}. ${esc(e.title)}${e.synthetic ? ` ${SYNTHETIC_BADGE}` : ''}</h3>`)
  const sponsors = sponsorsLine(e)
  const co = e.coSponsors.length > 0 ? `; co-sponsored by ${e.coSponsors.join(', ')}` : ''
  out.push(`<p class="meta"><strong>Sponsors:</strong> ${esc(sponsors + co)}</p>`)
  out.push(
    `<p class="meta"><strong>Kind:</strong> ${esc(e.kind)} · <strong>Status:</strong> ${esc(e.status)}</p>`,
  )
  if (e.quote)
    out.push(
      `<p class="meta"><strong>Amends:</strong> <span class="quote">“${esc(e.quote)}”</span></p>`,
    )
  out.push('<p class="meta"><strong>Proposed wording:</strong></p>', '<div class="wording">')
  if (e.wording.title) out.push(`<p><strong>${esc(e.wording.title)}</strong></p>`)
  out.push(
    e.wording.clauses.length > 0 ? clausesHtml(e.wording.clauses) : '<p>(none)</p>',
    // The wording's own footnotes, numbered within it.
    footnotesHtml(footnotesOf(e.wording.clauses)),
    '</div>',
  )
  if (e.rationale) out.push(`<p class="meta"><strong>Rationale:</strong> ${esc(e.rationale)}</p>`)
  out.push('<p class="meta"><strong>History:</strong></p>', '<ul class="history">')
  for (const h of e.history) out.push(`<li>${esc(h.day)}: ${esc(h.text)}</li>`)
  out.push('</ul>')
  if (e.positions.length === 0)
    out.push('<p class="meta"><strong>Positions:</strong> none recorded</p>')
  for (const group of e.positions) {
    out.push(
      `<p class="meta"><strong>${esc(STANCE_HEADINGS[group.stance])} (${group.count}):</strong></p>`,
      '<ul class="positions">',
    )
    for (const p of group.positions) {
      const quote = p.quote ? ` <span class="quote">“${esc(p.quote)}”</span>` : ''
      const round = p.round ? ` (${esc(p.round)})` : ''
      const from =
        p.provenance === 'synthetic'
          ? `${SYNTHETIC_BADGE}${p.source ? ` ${esc(p.source)}` : ''}`
          : `<span class="provenance">${esc(p.provenanceText)}</span>`
      out.push(`<li>${esc(p.actor)}${round} — ${from}${quote}</li>`)
    }
    out.push('</ul>')
  }
  if (e.superseded > 0) {
    out.push(
      `<p class="meta">${e.superseded} earlier position(s) superseded, kept in the record.</p>`,
    )
  }
  out.push('</div>')
  return out.join('\n')
}
