import { Plugin, PluginKey } from 'prosemirror-state'
import { ySyncPluginKey } from 'y-prosemirror'
import { fromYjs } from '../anchoredRanges'

const readerKey = new PluginKey('reader')

// The y-prosemirror binding's one way from the editor into the Y.Doc.
interface Binding {
  _prosemirrorChanged: (doc: unknown) => void
}

/**
 * Caret browsing for a reader (a delegate, a campaigner, an observer): the view stays
 * contenteditable, so arrows move a caret and Shift+arrows select words, but no input is
 * attempted, every change that does not come from the shared document is refused, and the
 * sync binding never writes the editor's document back (the server closes a reader's socket
 * with 4405 on any write).
 */
export const readerPlugin = () =>
  new Plugin({
    key: readerKey,
    // The last line of defence: a change the handlers below missed (IME, a browser quirk).
    filterTransaction: (tr) => !tr.docChanged || fromYjs(tr),
    props: {
      handleDOMEvents: {
        // Typing, Enter, Backspace, Delete, cut, paste and drop all arrive as beforeinput
        // in Chromium, Firefox and Safari: cancelled, the DOM is never touched.
        beforeinput: (_view, event) => {
          event.preventDefault()
          return true
        },
      },
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
    },
    view(view) {
      const binding = (ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined)
        ?.binding
      // Even an identical document re-encoded would be a write; a reader has none to make.
      if (binding) binding._prosemirrorChanged = () => {}
      return {}
    },
  })
