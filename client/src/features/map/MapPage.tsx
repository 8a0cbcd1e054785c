import type { StancePageProps } from '../stances/useStanceData'

/** Map: stances on an issue on a world map (issue 12). */
export function MapPage(_props: StancePageProps) {
  return (
    <main className="sheet">
      <h1>Map</h1>
    </main>
  )
}
