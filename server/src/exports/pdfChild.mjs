// Prints the HTML read on stdin to an A4 PDF on stdout with headless Chromium (playwright-core),
// in a process of its own, so that the server never loads playwright-core (a second of
// compiling) nor holds a render's memory. Plain JavaScript: it runs without a TypeScript loader.
// Usage: node pdfChild.mjs <chromium executable>. Exit code 3: playwright-core is not installed.

// Debian's Chromium in a container needs no sandbox; nothing it loads comes from the network.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']

let chromium
try {
  ;({ chromium } = await import('playwright-core'))
} catch {
  process.exit(3)
}
const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const html = Buffer.concat(chunks).toString('utf8')
const browser = await chromium.launch({ executablePath: process.argv[2], args: ARGS })
try {
  const page = await browser.newPage({ javaScriptEnabled: false })
  // The page is self-contained; refuse any request it might make.
  await page.route('**/*', (route) => route.abort())
  await page.setContent(html, { waitUntil: 'load' })
  process.stdout.write(
    await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }),
  )
} finally {
  await browser.close()
}
