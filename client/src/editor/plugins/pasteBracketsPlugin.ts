import { Slice } from 'prosemirror-model'
import { Plugin } from 'prosemirror-state'
import { withFreshIds } from '../commands/optionCommands'

/**
 * Gives pasted brackets and option blocks fresh ids. A bracketed span is one thing in one place:
 * pasted with the id of the words it was copied from, "[" would open at the original and "]"
 * close at the copy, one span across everything between (tokensOf reads a span by its id).
 */
export const pasteBracketsPlugin = () =>
  new Plugin({
    props: {
      transformPasted: (slice) =>
        new Slice(withFreshIds(slice.content), slice.openStart, slice.openEnd),
    },
  })
