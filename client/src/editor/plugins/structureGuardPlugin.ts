import { Plugin, type Transaction } from 'prosemirror-state'
import { ySyncPluginKey } from 'y-prosemirror'
import { structureKept } from '../../../../shared/domain/structure'

const isRemote = (tr: Transaction) =>
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true

/**
 * Refuses local edits that would remove the text's title, its preamble or the title of an article
 * that stays (the schema allows their absence so that no merge is rejected; only the server adds
 * them back). Remote changes always pass: they are already in the shared document.
 */
export const structureGuardPlugin = () =>
  new Plugin({
    filterTransaction: (tr, state) =>
      !tr.docChanged || isRemote(tr) || structureKept(state.doc, tr.doc),
  })
