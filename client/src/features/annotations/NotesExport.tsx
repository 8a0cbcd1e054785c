import { exportUrl } from './annotationsApi'

/** Downloads of the group's notes by article: CSV for a spreadsheet, Markdown for a briefing. */
export function NotesExport({
  negotiationId,
  groupId,
}: {
  negotiationId: string
  groupId: string
}) {
  return (
    <p className="notes-export">
      <span className="muted small">Export the group’s notes:</span>
      <a className="button" href={exportUrl(negotiationId, groupId, 'csv')} download>
        CSV
      </a>
      <a className="button" href={exportUrl(negotiationId, groupId, 'md')} download>
        Markdown
      </a>
    </p>
  )
}
