import { ConfirmDialog } from '../common/ConfirmDialog'
import type { Member } from './membersApi'

interface RemoveMemberDialogProps {
  /** The member to remove, or null when the dialog is closed. */
  member: Member | null
  onConfirm: (member: Member) => void
  onCancel: () => void
}

/** Asks before removing a member, naming them. */
export function RemoveMemberDialog({ member, onConfirm, onCancel }: RemoveMemberDialogProps) {
  return (
    <ConfirmDialog
      open={member !== null}
      title={`Remove ${member?.displayName ?? ''}?`}
      confirmLabel="Remove member"
      onConfirm={() => member && onConfirm(member)}
      onCancel={onCancel}
    >
      {member?.displayName} ({member?.username}) will lose access to this negotiation at once; their
      open windows are disconnected. You can invite them again later.
    </ConfirmDialog>
  )
}
