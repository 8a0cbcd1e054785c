// A test's window of render counts: e2e tests set `window.__plenaryRenders = {}` before the app
// loads (page.addInitScript) and read how often a component rendered. Without it, counting is
// one property lookup per render of the few components that count.

declare global {
  interface Window {
    /** Renders per component name, when a test asks for them. */
    __plenaryRenders?: Record<string, number>
  }
}

/** Counts one render of `name` if a test is counting. */
export function countRender(name: string): void {
  const counts = window.__plenaryRenders
  if (counts) counts[name] = (counts[name] ?? 0) + 1
}
