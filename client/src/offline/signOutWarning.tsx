import { useEffect, useId, useRef } from 'react'
import { counted } from '../features/common/plural'
import { storedChangeSets } from './changeSets'
import { downloadFile } from './download'
import { localCopies } from './localRooms'

/** Why this browser is about to delete an account's local data with changes still on it. */
export interface LocalDataWarning {
  /** `sign-out`: the person asked; `expired`: the server ended the session. */
  reason: 'sign-out' | 'expired'
  accountId: string
  /** The changes only on this device (pendingOnDevice). */
  pending: number
}

/** The title of the warning: "N changes only on this device will be lost". */
export const warningTitle = (pending: number): string =>
  `${counted(pending, 'change')} only on this device will be lost`

/**
 * Downloads what the account has only on this device as one JSON file: the local copies of
 * changes the server did not take, and the chair's offline change sets waiting for review.
 */
export function exportLocalCopies(accountId: string): void {
  const body = JSON.stringify(
    {
      exportedAt: new Date().toISOString(),
      accountId,
      localCopies: localCopies(accountId),
      offlineChanges: storedChangeSets(accountId),
    },
    null,
    2,
  )
  downloadFile(
    `plenary-local-copies-${new Date().toISOString().slice(0, 10)}.json`,
    body,
    'application/json',
  )
}

interface SignOutWarningProps {
  warning: LocalDataWarning | null
  /** Deletes the changes (and, when signing out, signs out). */
  onDelete: () => void
  /** Keeps them: cancels the sign-out, or (session ended) lets the person sign in again. */
  onKeep: () => void
}

/**
 * The modal question before local changes that never reached the server are deleted: on
 * sign-out (Export, Sign out and delete them, Cancel) and when the session ended (Export,
 * Sign in again — signing in as the same person keeps them — or Delete them).
 */
export function SignOutWarning({ warning, onDelete, onKeep }: SignOutWarningProps) {
  const titleId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const open = warning !== null
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  const expired = warning?.reason === 'expired'
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onKeep()
      }}
    >
      {warning && (
        <>
          <h2 id={titleId}>{warningTitle(warning.pending)}</h2>
          <p>
            {expired
              ? 'Your session has ended. These changes have not reached the server. Sign in again as the same person to keep them and send them; export them to keep a copy; or delete them.'
              : 'These changes have not reached the server. Signing out deletes everything this browser keeps for you; export them first to keep a copy.'}
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => exportLocalCopies(warning.accountId)}>
              Export local copies
            </button>
            {expired ? (
              <>
                <button type="button" className="danger" onClick={onDelete}>
                  Delete them
                </button>
                <button type="button" className="button-primary" autoFocus onClick={onKeep}>
                  Sign in again
                </button>
              </>
            ) : (
              <>
                <button type="button" autoFocus onClick={onKeep}>
                  Cancel
                </button>
                <button type="button" className="danger" onClick={onDelete}>
                  Sign out and delete them
                </button>
              </>
            )}
          </div>
        </>
      )}
    </dialog>
  )
}
