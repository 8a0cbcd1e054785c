import { useId, useRef, useState } from 'react'
import { MONTHS } from '../../../shared/domain/export/labels'
import { ConfirmDialog } from '../features/common/ConfirmDialog'
import { counted } from '../features/common/plural'
import { downloadFile } from './download'
import { dropLocalCopy, localCopies, useLocalRoomsVersion } from './localRooms'
import type { LocalCopy } from './syncRegistry'
import { clockTime } from './syncWords'

/** A file name from a copy's label: its words, without the characters file systems refuse. */
export function copyFileName(label: string, extension: 'txt' | 'json'): string {
  // eslint-disable-next-line no-control-regex
  const name = label.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim()
  return `${name || 'Local copy'}.${extension}`
}

/** When a copy was kept, e.g. "30 November, 10:42". */
export function keptAt(savedAt: number): string {
  const d = new Date(savedAt)
  return `${d.getDate()} ${MONTHS[d.getMonth()]}, ${clockTime(savedAt)}`
}

/**
 * The local copies of changes the server refused (the person's access narrowed while they were
 * offline): each to export as text or JSON, or to discard after a confirmation.
 */
export function LocalCopies({ accountId }: { accountId: string }) {
  useLocalRoomsVersion()
  const copies = localCopies(accountId)
  const [discarding, setDiscarding] = useState<LocalCopy | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const id = useId()

  return (
    <section className="local-copies" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} className="sync-subheading" tabIndex={-1}>
        Local copies
      </h3>
      {copies.length === 0 ? (
        <p className="sync-hint">
          None. Changes made on this device that the server refuses (when your access was narrowed
          meanwhile) are kept here for you to export.
        </p>
      ) : (
        <ul className="local-copy-list">
          {copies.map((copy, i) => (
            <li key={copy.id} className="local-copy" data-copy={copy.id}>
              <span id={`${id}-${i}`} className="local-copy-label">
                {copy.label}
              </span>
              <span className="local-copy-meta">
                Kept {keptAt(copy.savedAt)} · {counted(copy.changes, 'change')} not on the server
              </span>
              <span className="local-copy-reason">{copy.reason}</span>
              <span className="local-copy-buttons">
                <button
                  type="button"
                  className="button"
                  aria-describedby={`${id}-${i}`}
                  onClick={() =>
                    downloadFile(
                      copyFileName(copy.label, 'txt'),
                      copy.text,
                      'text/plain;charset=utf-8',
                    )
                  }
                >
                  Export
                </button>
                <button
                  type="button"
                  className="button"
                  aria-describedby={`${id}-${i}`}
                  onClick={() =>
                    downloadFile(
                      copyFileName(copy.label, 'json'),
                      JSON.stringify(copy, null, 2),
                      'application/json',
                    )
                  }
                >
                  Export JSON
                </button>
                <button
                  type="button"
                  className="button-quiet danger-text"
                  aria-describedby={`${id}-${i}`}
                  onClick={() => setDiscarding(copy)}
                >
                  Discard
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={discarding !== null}
        title="Discard this local copy?"
        confirmLabel="Discard"
        onCancel={() => setDiscarding(null)}
        onConfirm={() => {
          if (discarding) dropLocalCopy(accountId, discarding.id)
          setDiscarding(null)
          // Its buttons are gone: the list's heading keeps the focus inside the popover, once
          // the modal dialog has closed (until then the rest of the page is inert).
          requestAnimationFrame(() => heading.current?.focus())
        }}
      >
        {discarding &&
          `The ${counted(discarding.changes, 'change')} in “${discarding.label}” will be deleted ` +
            'from this device. The server does not have them: export them first if you may need them.'}
      </ConfirmDialog>
    </section>
  )
}
