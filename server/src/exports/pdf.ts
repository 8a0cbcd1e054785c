import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { Limiter } from '../work/Limiter'
import { projectPath } from '../paths'

/** Where the system Chromium is (CHROMIUM_PATH, default /usr/bin/chromium), if it is there. */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  return fs.existsSync(candidate) ? candidate : null
}

/** What printing to PDF answers: the file, or why there is none (no Chromium, or too many at once). */
export type PdfResult = { ok: true; pdf: Buffer } | { ok: false; code: 'pdf_unavailable' | 'busy' }

// Each render is a Chromium process of a hundred MB or more and seconds of CPU: one at a time,
// two more waiting their turn, and any beyond those refused rather than piled up.
const renders = new Limiter(1, 2)

const CHILD = projectPath('server/src/exports/pdfChild.mjs')
// A render that takes longer than this is stuck; its process is killed.
const RENDER_LIMIT_MS = 60_000

/**
 * Prints an HTML document to an A4 PDF with headless Chromium (playwright-core) in a child
 * process, one render at a time; answers `pdf_unavailable` when no Chromium or no playwright-core
 * is installed on this machine, and `busy` when three renders are already running or waiting.
 */
export async function htmlToPdf(html: string): Promise<PdfResult> {
  const executablePath = chromiumPath()
  if (!executablePath) return { ok: false, code: 'pdf_unavailable' }
  const run = await renders.run(() => render(html, executablePath))
  if (!run.ok) return run
  return run.value ? { ok: true, pdf: run.value } : { ok: false, code: 'pdf_unavailable' }
}

// The PDF, or null when the child finds no playwright-core; throws if the render fails.
function render(html: string, executablePath: string): Promise<Buffer | null> {
  const child = spawn(process.execPath, [CHILD, executablePath], {
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: RENDER_LIMIT_MS,
    killSignal: 'SIGKILL',
  })
  const out: Buffer[] = []
  let errors = ''
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  // A child that exits early (no playwright-core) closes its stdin; its exit code says why.
  child.stdin.on('error', () => {})
  child.stdin.end(html)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out))
      else if (code === 3) resolve(null)
      else reject(new Error(`PDF render failed (${code ?? signal}): ${errors.slice(0, 500)}`))
    })
  })
}
