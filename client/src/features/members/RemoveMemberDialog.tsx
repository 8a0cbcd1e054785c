import { useEffect, useRef } from 'react'
import type { Member } from './membersApi'

interface RemoveMemberDialogProps {
  /** The member to remove, or null when the dialog is closed. */
  member: Member | null
  onConfirm: (member: Member) => void
  onCancel: () => void
}

/** Asks before removing a member, naming them; Cancel has the focus, Escape cancels. */
export function RemoveMemberDialog({ member, onConfirm, onCancel }: RemoveMemberDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (member && !dialog.open) dialog.showModal()
    if (!member && dialog.open) dialog.close()
  }, [member])

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="remove-member-title"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      {member && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault()
            onConfirm(member)
          }}
        >
          <h2 id="remove-member-title">Remove {member.displayName}?</h2>
          <p>
            {member.displayName} ({member.username}) will lose access to this negotiation at once;
            their open windows are disconnected. You can invite them again later.
          </p>
          <div className="dialog-buttons">
            <button type="button" autoFocus onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="danger">
              Remove member
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
