import fs from 'node:fs'

/** Where the system Chromium is (CHROMIUM_PATH, default /usr/bin/chromium), if it is there. */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  return fs.existsSync(candidate) ? candidate : null
}

// Debian's Chromium in a container needs no sandbox; nothing it loads comes from the network.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']

/**
 * Prints an HTML document to an A4 PDF with headless Chromium (playwright-core), or answers
 * null when no Chromium or no playwright-core is installed on this machine.
 */
export async function htmlToPdf(html: string): Promise<Buffer | null> {
  const executablePath = chromiumPath()
  if (!executablePath) return null
  let chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch {
    return null
  }
  const browser = await chromium.launch({ executablePath, args: ARGS })
  try {
    const page = await browser.newPage({ javaScriptEnabled: false })
    // The page is self-contained; refuse any request it might make.
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
  } finally {
    await browser.close()
  }
}
