import { useEffect, useId, useRef, type ReactNode } from 'react'

interface ConfirmDialogProps {
  /** Whether the dialog is shown. */
  open: boolean
  title: string
  /** What will happen, in a sentence or two. */
  children: ReactNode
  /** The label of the confirming button, naming the action ("Delete article"). */
  confirmLabel: string
  /** Styles the confirming button as destructive. */
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** A modal question before an action that affects others; Cancel has the focus, Escape cancels. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, danger = true, onConfirm, onCancel } = props
  const titleId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      {open && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault()
            onConfirm()
          }}
        >
          <h2 id={titleId}>{title}</h2>
          <p>{children}</p>
          <div className="dialog-buttons">
            <button type="button" autoFocus onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className={danger ? 'danger' : 'button-primary'}>
              {confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
