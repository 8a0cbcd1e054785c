import type { ArticleSummary } from '../../../../shared/domain/numbering'
import { formatKey } from '../../editor/actions'
import { ConfirmDialog } from '../common/ConfirmDialog'

interface DeleteArticleDialogProps {
  /** The article to delete, or null when the dialog is closed. */
  article: ArticleSummary | null
  onConfirm: (articleId: string) => void
  onCancel: () => void
}

/** Asks before deleting an article, naming it. */
export function DeleteArticleDialog({ article, onConfirm, onCancel }: DeleteArticleDialogProps) {
  return (
    <ConfirmDialog
      open={article !== null}
      title={`Delete Article ${article?.label ?? ''}?`}
      confirmLabel="Delete article"
      onConfirm={() => article && onConfirm(article.id)}
      onCancel={onCancel}
    >
      “{article?.title || 'Untitled'}” and all its paragraphs will be removed for everyone, and the
      articles after it renumbered. You can undo this yourself with {formatKey('Mod-z')}.
    </ConfirmDialog>
  )
}
