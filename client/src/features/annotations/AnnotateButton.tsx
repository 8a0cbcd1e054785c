import { ariaKey, formatKey } from '../../editor/actions'
import { ANNOTATE_KEY } from './annotateKeys'

/** "Annotate" on the selected words, with its shortcut, and why it could not start. */
export function AnnotateButton({
  onAnnotate,
  problem,
}: {
  onAnnotate: () => void
  problem: string | null
}) {
  return (
    <>
      <button
        type="button"
        className="tool tool-propose tool-annotate"
        aria-keyshortcuts={ariaKey(ANNOTATE_KEY)}
        title={`Annotate the selected words for your group (${formatKey(ANNOTATE_KEY)})`}
        // Keep the selection in the text: it is what the note is anchored to.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onAnnotate}
      >
        <span className="tool-label">Annotate</span>
        <kbd className="tool-key">{formatKey(ANNOTATE_KEY)}</kbd>
      </button>
      {problem && (
        <span className="proposals-bar-problem" role="status">
          {problem}
        </span>
      )}
    </>
  )
}
