import { escapeHtml } from './escape'
import {
  isOptions,
  type FootnoteView,
  type OptionView,
  type ProposalNoteView,
  type Run,
  type ViewBlock,
  type ViewToken,
} from './nest'

// Print CSS for A4: a serif face, clause labels hanging in the margin of their text, and no
// page break inside a clause or right after a heading.
const PRINT_CSS = `
@page { size: A4; margin: 25mm 22mm 25mm 25mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
.title-block { display: flex; justify-content: space-between; gap: 2em; font-size: 10.5pt;
  border-bottom: 1pt solid #000; padding-bottom: 0.6em; margin-bottom: 2em; }
.title-block p { margin: 0; text-align: left; break-inside: auto; }
.title-block .tb-right p { text-align: right; }
.title-block .tb-right p:first-child { font-weight: bold; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", Georgia, serif;
  font-size: 12pt; line-height: 1.45; color: #000; }
body { margin: 0 auto; max-width: 165mm; }
header.cover { text-align: center; margin-bottom: 2em; }
header.cover .subtitle { font-variant: small-caps; letter-spacing: 0.05em; margin: 0 0 1em; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 1.5em; }
h2 { font-size: 12pt; text-align: center; margin: 1.6em 0 0.6em; break-after: avoid; page-break-after: avoid; }
h2 .heading { display: block; font-weight: bold; }
h2 .num { display: block; font-weight: normal; }
h3 { font-size: 12pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 0.6em; text-align: justify; orphans: 3; widows: 3;
  break-inside: avoid; page-break-inside: avoid; }
.preamble p { text-indent: 2.5em; }
.clause { padding-left: 2.5em; text-indent: -2.5em; }
.clause .label { display: inline-block; min-width: 2em; padding-right: 0.5em; text-indent: 0; }
.clause.depth-1 { margin-left: 2.5em; }
.clause.depth-2 { margin-left: 5em; }
.clause.depth-3 { margin-left: 7.5em; }
.clause.unlabelled { padding-left: 0; text-indent: 0; }
.preamble .clause.unlabelled { text-indent: 2.5em; }
.proposal { margin: 0 0 1.4em; padding-left: 1em; border-left: 2pt solid #888; }
.proposal .meta { font-size: 10.5pt; }
.proposal .wording { margin: 0.4em 0 0.6em 1em; }
.proposal ul { margin: 0 0 0.6em; padding-left: 1.5em; font-size: 10.5pt; }
.proposal li { break-inside: avoid; page-break-inside: avoid; }
.quote { font-style: italic; }
.badge-synthetic { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 0.75em; font-weight: bold;
  border: 1pt solid #000; padding: 0 0.3em; }
.synthetic-note { font-style: italic; }
.provenance { font-size: 0.95em; }
.br { font-weight: bold; }
.p-br { font-family: "DejaVu Sans", Arial, sans-serif; font-weight: bold; font-size: 0.9em; }
.proposal-note { font-size: 10.5pt; font-style: italic; }
.proposal-note .p-sponsors { font-style: normal; }
.proposal-note .p-alt { font-style: normal; text-decoration: underline; }
.muted { color: #666; }
.proposal-new-article { margin: 0.6em 0 1em 2.5em; font-size: 10.5pt; }
.placeholder { font-style: italic; }
.fn-ref { font-size: 0.7em; line-height: 0; vertical-align: super; }
.fn-ref a, .footnotes a { color: inherit; text-decoration: none; }
.options { margin: 0 0 0.6em; }
.option-label { font-weight: bold; margin: 0.3em 0 0.3em; break-after: avoid; page-break-after: avoid; }
.option-label .no-text { font-weight: normal; }
.option-label.depth-1 { margin-left: 2.5em; }
.option-label.depth-2 { margin-left: 5em; }
.option-label.depth-3 { margin-left: 7.5em; }
.text-heading { font-size: 12pt; text-align: center; text-transform: uppercase; margin: 2em 0 0.8em; }
.text-heading.heading-instrument { font-size: 14pt; text-transform: none; }
.footnotes { margin: 0.8em 0 1.2em; font-size: 10pt; }
.footnotes::before { content: ""; display: block; width: 50mm; border-top: 0.5pt solid #000;
  margin-bottom: 0.3em; }
.footnotes p { margin: 0 0 0.2em; text-align: left; }
@media screen { body { padding: 2em; } }
`

/** A whole HTML document for printing, with the print CSS and the given body. */
export function printPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** Runs as HTML, emphasis kept. */
export function runsHtml(runs: readonly Run[]): string {
  return runs.map((run) => emphasis(escapeHtml(run.text), run.em, run.strong)).join('')
}

const emphasis = (html: string, em: boolean, strong: boolean): string => {
  let s = html
  if (em) s = `<em>${s}</em>`
  if (strong) s = `<strong>${s}</strong>`
  return s
}

/**
 * A clause's tokens as HTML, as a conference document prints them: square brackets in bold
 * ("[", "][" between alternatives, "]"), footnote numbers in superscript linking to their note,
 * placeholders in italics, emphasis kept.
 */
export function tokensHtml(tokens: readonly ViewToken[]): string {
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'text':
          return emphasis(escapeHtml(t.text), t.em, t.strong)
        case 'open':
          return '<b class="br br-open">[</b>'
        case 'alt':
          return '<b class="br br-alt">][</b>'
        case 'close':
          return '<b class="br br-close">]</b>'
        case 'footnote':
          return `<sup class="fn-ref"><a href="#fn-${t.number}" id="fnref-${t.number}">${t.number}</a></sup>`
        case 'placeholder':
          return `<em class="placeholder">${escapeHtml(t.label)}</em>`
        case 'proposal-open':
          return `<span class="p-br${t.muted ? ' muted' : ''}">[</span>`
        case 'proposal-close':
          return `<span class="p-br${t.muted ? ' muted' : ''}">]</span>`
        case 'proposal':
          return proposalNoteHtml(t.note, t.muted)
      }
    })
    .join('')
}

/**
 * A tabled proposal's note after its words in the "text with brackets" view, as on screen:
 * "Alt 1", the sponsors' codes in bold, its status, its wording.
 */
export function proposalNoteHtml(n: ProposalNoteView, muted = false): string {
  const parts = [
    n.alt ? `<span class="p-alt">${escapeHtml(n.alt)}</span> ` : '',
    `<b class="p-sponsors">${escapeHtml(n.sponsors)}</b>`,
    n.status ? ` <span class="p-status">(${escapeHtml(n.status)})</span>` : '',
    `: <span class="p-words">${escapeHtml(n.words)}</span>`,
  ]
  return ` <span class="proposal-note${muted ? ' muted' : ''}" data-proposal-id="${escapeHtml(n.id)}" title="${escapeHtml(n.title)}">{${parts.join('')}}</span>`
}

/** "Option 1:" as printed before an option's text. */
export const optionCaption = (label: string): string =>
  label.trim().endsWith(':') ? label.trim() : `${label.trim()}:`

/**
 * Clauses and option blocks as paragraphs with hanging labels, in reading order: an option's
 * label on its own line in bold ("Option 1:"), an option without clauses as "Option 2: No text".
 */
export function clausesHtml(blocks: readonly ViewBlock[], depth = 0): string {
  return blocks
    .map((b) => {
      if (isOptions(b)) {
        return [
          `<div class="options" data-options-id="${escapeHtml(b.id)}">`,
          ...b.options.map((o) => optionHtml(o, depth)),
          '</div>',
        ].join('\n')
      }
      const classes = ['clause', `depth-${Math.min(depth, 3)}`, b.label ? '' : 'unlabelled']
      const label = b.label ? `<span class="label">${escapeHtml(b.label)}</span>` : ''
      const own = `<p class="${classes.filter(Boolean).join(' ')}">${label}${tokensHtml(b.tokens)}</p>`
      return [own, clausesHtml(b.children, depth + 1)].filter(Boolean).join('\n')
    })
    .join('\n')
}

function optionHtml(o: OptionView, depth: number): string {
  const caption = escapeHtml(optionCaption(o.label))
  const cls = `option-label depth-${Math.min(depth, 3)}`
  if (o.blocks.length === 0) {
    return `<div class="option"><p class="${cls}">${caption} <span class="no-text">No text</span></p></div>`
  }
  return [
    '<div class="option">',
    `<p class="${cls}">${caption}</p>`,
    clausesHtml(o.blocks, depth),
    '</div>',
  ].join('\n')
}

/** Footnotes as the foot of an article prints them: the number in superscript, then the note. */
export function footnotesHtml(notes: readonly FootnoteView[]): string {
  if (notes.length === 0) return ''
  return [
    '<div class="footnotes" role="doc-endnotes">',
    ...notes.map(
      (n) =>
        `<p id="fn-${n.number}"><sup><a href="#fnref-${n.number}">${n.number}</a></sup> ${escapeHtml(n.text)}</p>`,
    ),
    '</div>',
  ].join('\n')
}
