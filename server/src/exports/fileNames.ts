import { slugify } from '../negotiations/slug'

/** A file name of an export: "ccm-vienna-discussion-text.docx", "ccm-compendium-2008-05-30.html". */
export const exportFileName = (negotiationId: string, what: string, extension: string): string =>
  `${negotiationId}-${slugify(what)}.${extension}`
