import { useEffect, useRef } from 'react'
import type { ArticleSummary } from '../../../../shared/domain/numbering'
import { formatKey } from '../../editor/actions'

interface DeleteArticleDialogProps {
  /** The article to delete, or null when the dialog is closed. */
  article: ArticleSummary | null
  onConfirm: (articleId: string) => void
  onCancel: () => void
}

/** Asks before deleting an article, naming it; Cancel has the focus, Escape cancels. */
export function DeleteArticleDialog({ article, onConfirm, onCancel }: DeleteArticleDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (article && !dialog.open) dialog.showModal()
    if (!article && dialog.open) dialog.close()
  }, [article])

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="delete-article-title"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      {article && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault()
            onConfirm(article.id)
          }}
        >
          <h2 id="delete-article-title">Delete Article {article.number}?</h2>
          <p>
            “{article.title || 'Untitled'}” and all its paragraphs will be removed for everyone, and
            the articles after it renumbered. You can undo this yourself with {formatKey('Mod-z')}.
          </p>
          <div className="dialog-buttons">
            <button type="button" autoFocus onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="danger">
              Delete article
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
