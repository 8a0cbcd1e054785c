import { Xml } from './aknXml'
import {
  aknCtx,
  AKN_NAMESPACE,
  JURISDICTION,
  writeBlocks,
  writeMeta,
  type AknMeta,
} from './akomaNtoso'
import { compendiumHasSynthetic, type CompendiumEntry, type CompendiumSection } from './compendium'
import { escapeXml } from './escape'
import { STANCE_HEADINGS } from './labels'
import { SYNTHETIC_NOTE, SYNTHETIC_WORD } from './provenance'

/** What identifies a compendium in Akoma Ntoso: the negotiation, its dates, and its title. */
export type CompendiumAknMeta = Omit<AknMeta, 'adopted' | 'versionName'> & { title: string }

// An actor code as an eId and a reference: "DEU" → "deu".
const refId = (code: string): string =>
  `actor-${code.replace(/[^A-Za-z0-9_-]/g, '').toLowerCase() || 'x'}`

/**
 * The compendium of proposals as an Akoma Ntoso 3.0 `doc` (name "compendium"): per article an
 * `hcontainer`, per proposal an `hcontainer name="proposal"` with its reference as num and its
 * title as heading; its sponsors as `docProponent`s (`as="#sponsor"` or `#coSponsor`) referring
 * to an organization per actor in the references; kind, status and the words it amends as intro;
 * its wording as clauses with brackets and options kept (as in the text's export); rationale,
 * history and positions as wrapUp, each position with where it comes from. A proposal invented
 * for the demo has `class="synthetic"` and "Synthetic" in a `span` of its heading, and the
 * preface says what the mark means.
 */
export function compendiumAkn(
  sections: readonly CompendiumSection[],
  meta: CompendiumAknMeta,
): string {
  const work = `/akn/${JURISDICTION}/doc/compendium/${meta.negotiationId}`
  const expression = `${work}/eng@${meta.expressionDate}`
  const actors = new Map<string, string>()
  for (const s of sections) {
    for (const e of s.entries) {
      e.sponsorIds.forEach((id, i) => actors.set(id, e.sponsors[i] ?? id))
      e.coSponsorIds.forEach((id, i) => actors.set(id, e.coSponsors[i] ?? id))
    }
  }
  const references: [string, Record<string, string>][] = [
    ['TLCRole', { eId: 'sponsor', href: '/ontology/role/sponsor', showAs: 'Sponsor' }],
    ['TLCRole', { eId: 'coSponsor', href: '/ontology/role/coSponsor', showAs: 'Co-sponsor' }],
    ...[...actors].map(([id, name]): [string, Record<string, string>] => [
      'TLCOrganization',
      { eId: refId(id), href: `/ontology/organization/${refId(id)}`, showAs: name },
    ]),
  ]
  const out = new Xml()
  out.raw('<?xml version="1.0" encoding="UTF-8"?>')
  out.open('akomaNtoso', { xmlns: AKN_NAMESPACE })
  out.open('doc', { name: 'compendium', contains: 'originalVersion' })
  writeMeta(out, {
    work,
    expression,
    title: meta.title,
    meta: { ...meta, versionName: 'Compendium of proposals' },
    references,
  })
  out.open('preface')
  out.open('longTitle', { eId: 'longTitle' })
  out.element('p', `<docTitle>${escapeXml(meta.title)}</docTitle>`)
  out.close('longTitle')
  if (compendiumHasSynthetic(sections)) out.text('p', SYNTHETIC_NOTE, { class: 'synthetic-note' })
  out.close('preface')
  out.open('mainBody')
  if (sections.length === 0) out.text('p', 'No proposal has been tabled.')
  sections.forEach((section, i) => {
    const eId = `hcontainer_${i + 1}`
    out.open('hcontainer', {
      name: 'articleProposals',
      eId,
      GUID: section.article?.id.trim() || undefined,
    })
    out.text('heading', section.heading)
    section.entries.forEach((e, j) => writeEntry(out, `${eId}__hcontainer_${j + 1}`, e))
    out.close('hcontainer')
  })
  out.close('mainBody')
  out.close('doc')
  out.close('akomaNtoso')
  return out.toString()
}

const proponents = (names: readonly string[], ids: readonly string[], role: string): string =>
  names
    .map(
      (name, i) =>
        `<docProponent refersTo="#${escapeXml(refId(ids[i] ?? name))}" as="#${role}">${escapeXml(name)}</docProponent>`,
    )
    .join(', ')

function writeEntry(out: Xml, eId: string, e: CompendiumEntry): void {
  out.open('hcontainer', {
    name: 'proposal',
    eId,
    GUID: e.id.trim() || undefined,
    class: e.synthetic ? 'synthetic' : undefined,
  })
  out.text('num', e.ref)
  if (e.synthetic) {
    out.element('heading', `${escapeXml(e.title)} <span class="synthetic">${SYNTHETIC_WORD}</span>`)
  } else {
    out.text('heading', e.title)
  }
  out.open('intro')
  const co =
    e.coSponsors.length > 0
      ? `; co-sponsored by ${proponents(e.coSponsors, e.coSponsorIds, 'coSponsor')}`
      : ''
  const coalition = e.coalition ? `${escapeXml(e.coalition)}: ` : ''
  out.element(
    'p',
    `Sponsors: ${coalition}${proponents(e.sponsors, e.sponsorIds, 'sponsor')}${co}`,
    {
      class: 'sponsors',
    },
  )
  out.text('p', `Kind: ${e.kind} · Status: ${e.status}`, { class: 'kind' })
  if (e.quote) out.text('p', `Amends: “${e.quote}”`, { class: 'amends' })
  out.close('intro')
  const wording = `${eId}__hcontainer_1`
  out.open('hcontainer', { name: 'wording', eId: wording })
  if (e.wording.title) out.text('heading', e.wording.title)
  if (e.wording.clauses.length === 0) {
    out.open('content')
    out.text('p', '(none)')
    out.close('content')
  } else {
    writeBlocks(out, aknCtx(wording, e.wording.clauses), wording, 'paragraph', e.wording.clauses)
  }
  out.close('hcontainer')
  out.open('wrapUp')
  if (e.rationale) out.text('p', `Rationale: ${e.rationale}`, { class: 'rationale' })
  for (const h of e.history) out.text('p', `${h.day}: ${h.text}`, { class: 'history' })
  if (e.positions.length === 0) out.text('p', 'Positions: none recorded', { class: 'positions' })
  for (const group of e.positions) {
    const list = group.positions
      .map((p) => {
        const round = p.round ? ` (${p.round})` : ''
        return `${p.actor}${round} — ${p.provenanceText}${p.quote ? ` “${p.quote}”` : ''}`
      })
      .join('; ')
    out.text('p', `${STANCE_HEADINGS[group.stance]} (${group.count}): ${list}`, {
      class: 'positions',
    })
  }
  out.close('wrapUp')
  out.close('hcontainer')
}
