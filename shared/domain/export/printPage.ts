import { escapeHtml } from './escape'
import type { NestedClause, Run } from './nest'

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
.clause .label { display: inline-block; width: 2.5em; text-indent: 0; }
.clause.depth-1 { margin-left: 2.5em; }
.clause.depth-2 { margin-left: 5em; }
.clause.depth-3 { margin-left: 7.5em; }
.clause.unlabelled { padding-left: 0; text-indent: 0; }
.proposal { margin: 0 0 1.4em; padding-left: 1em; border-left: 2pt solid #888; }
.proposal .meta { font-size: 10.5pt; }
.proposal .wording { margin: 0.4em 0 0.6em 1em; }
.proposal ul { margin: 0 0 0.6em; padding-left: 1.5em; font-size: 10.5pt; }
.proposal li { break-inside: avoid; page-break-inside: avoid; }
.quote { font-style: italic; }
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
  return runs
    .map((run) => {
      let s = escapeHtml(run.text)
      if (run.em) s = `<em>${s}</em>`
      if (run.strong) s = `<strong>${s}</strong>`
      return s
    })
    .join('')
}

/** Nested clauses as paragraphs with hanging labels, in reading order. */
export function clausesHtml(clauses: readonly NestedClause[], depth = 0): string {
  return clauses
    .map((c) => {
      const classes = ['clause', `depth-${Math.min(depth, 3)}`, c.label ? '' : 'unlabelled']
      const label = c.label ? `<span class="label">${escapeHtml(c.label)}</span>` : ''
      const own = `<p class="${classes.filter(Boolean).join(' ')}">${label}${runsHtml(c.runs)}</p>`
      return [own, clausesHtml(c.children, depth + 1)].filter(Boolean).join('\n')
    })
    .join('\n')
}
