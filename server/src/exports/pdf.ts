import fs from 'node:fs'
import { Limiter } from '../work/Limiter'

/** Where the system Chromium is (CHROMIUM_PATH, default /usr/bin/chromium), if it is there. */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  return fs.existsSync(candidate) ? candidate : null
}

// Debian's Chromium in a container needs no sandbox; nothing it loads comes from the network.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']

/** What printing to PDF answers: the file, or why there is none (no Chromium, or too many at once). */
export type PdfResult = { ok: true; pdf: Buffer } | { ok: false; code: 'pdf_unavailable' | 'busy' }

// Each render is a Chromium process of a hundred MB or more and seconds of CPU: one at a time,
// two more waiting their turn, and any beyond those refused rather than piled up.
const renders = new Limiter(1, 2)

/**
 * Prints an HTML document to an A4 PDF with headless Chromium (playwright-core), one render at a
 * time; answers `pdf_unavailable` when no Chromium or no playwright-core is installed on this
 * machine, and `busy` when three renders are already running or waiting.
 */
export async function htmlToPdf(html: string): Promise<PdfResult> {
  const executablePath = chromiumPath()
  if (!executablePath) return { ok: false, code: 'pdf_unavailable' }
  let chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch {
    return { ok: false, code: 'pdf_unavailable' }
  }
  const launcher = chromium
  const run = await renders.run(async () => {
    const browser = await launcher.launch({ executablePath, args: ARGS })
    try {
      const page = await browser.newPage({ javaScriptEnabled: false })
      // The page is self-contained; refuse any request it might make.
      await page.route('**/*', (route) => route.abort())
      await page.setContent(html, { waitUntil: 'load' })
      return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
    } finally {
      await browser.close()
    }
  })
  return run.ok ? { ok: true, pdf: run.value } : run
}
