import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
/** The path of axe-core's browser bundle, injected into pages under test. */
export const AXE_PATH = require.resolve('axe-core/axe.min.js')

/** One rule axe-core found broken: its id, impact, help sentence and (some of) its elements. */
export interface AxeViolation {
  id: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Runs axe-core over the whole page as it is now (injecting it once per document) and returns
 * its violations of the given impacts (serious and critical unless told), up to five elements
 * each.
 */
export async function seriousViolations(
  page: Page,
  impacts: readonly string[] = ['serious', 'critical'],
): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') forbids a
  // script tag added inline, as it should.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'))
  }
  const found = await page.evaluate(async () => {
    type Result = {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[] }[]
      }[]
    }
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<Result> } }).axe
    const results = await axe.run({ resultTypes: ['violations'] })
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }))
  })
  return found.filter((v) => impacts.includes(v.impact))
}

/** Violations as lines a failing test prints: "id (impact): help — targets". */
export const describeViolations = (violations: AxeViolation[]): string[] =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' | ')}`)
