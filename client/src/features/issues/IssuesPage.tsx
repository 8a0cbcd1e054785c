import type { StancePageProps } from '../stances/useStanceData'

/** Issues: the questions the negotiation turns on (issue 12). */
export function IssuesPage(_props: StancePageProps) {
  return (
    <main className="sheet">
      <h1>Issues</h1>
    </main>
  )
}
