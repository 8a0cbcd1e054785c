import type { StancePageProps } from '../stances/useStanceData'

/** Targets: your group's target lists and campaign actions (issue 12). */
export function TargetsPage(_props: StancePageProps) {
  return (
    <main className="sheet">
      <h1>Targets</h1>
    </main>
  )
}
