// Characters XML 1.0 cannot carry at all (control characters other than tab, newline and CR,
// lone surrogates, U+FFFE/U+FFFF); text pasted from other tools sometimes holds them.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text made safe inside an XML or HTML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** The same escaping for HTML (whose `&apos;` is HTML5 only, so the numeric form). */
export const escapeHtml = (text: string): string => escapeXml(text).replace(/&apos;/g, '&#39;')
