import type { ArticleSummary } from '../../../../shared/domain/numbering'
import type { EditorView } from 'prosemirror-view'
import { formatKey } from '../../editor/actions'
import { deleteArticleWithId } from '../../editor/commands/articleCommands'
import { clearDeleteRequest } from '../../editor/plugins/deleteRequestPlugin'
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

/**
 * The dialog for an editor's pending delete request (the keymap's or the toolbar's): cancelling
 * clears the request, confirming deletes the article by id; focus returns to the text.
 */
export function EditorDeleteArticleDialog(props: {
  view: EditorView | null
  article: ArticleSummary | null
}) {
  const { view, article } = props
  return (
    <DeleteArticleDialog
      article={article}
      onCancel={() => {
        if (!view) return
        clearDeleteRequest(view.state, view.dispatch)
        view.focus()
      }}
      onConfirm={(id) => {
        if (!view) return
        clearDeleteRequest(view.state, view.dispatch)
        deleteArticleWithId(id)(view.state, view.dispatch)
        view.focus()
      }}
    />
  )
}
