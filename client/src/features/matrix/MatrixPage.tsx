import type { StancePageProps } from '../stances/useStanceData'

/** Positions: who stands where, actors by issues (issue 12). */
export function MatrixPage(_props: StancePageProps) {
  return (
    <main className="sheet">
      <h1>Positions</h1>
    </main>
  )
}
