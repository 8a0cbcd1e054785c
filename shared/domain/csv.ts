// RFC 4180 comma-separated values: a reader that remembers where every cell starts, so that an
// importer can name the line and column of a bad value, and a writer that quotes only as needed.

/** One cell and where it starts in the file (both 1-based; column counts cells, not characters). */
export interface CsvCell {
  value: string
  line: number
  column: number
}

/** A record of cells, and the line it starts on. */
export interface CsvRecord {
  line: number
  cells: CsvCell[]
}

/** Where and why a file is not CSV. */
export interface CsvError {
  line: number
  column: number
  message: string
}

/** The records of a CSV text, or where its quoting is broken. */
export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvError }

/**
 * Reads RFC 4180 CSV: CRLF or LF line ends, double-quoted cells that may hold commas, quotes
 * (doubled) and line breaks. A leading byte-order mark and empty lines are skipped.
 */
export function readCsv(text: string): CsvReadResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: CsvRecord[] = []
  let line = 1
  let i = 0
  while (i < src.length) {
    const record: CsvRecord = { line, cells: [] }
    for (;;) {
      const cell: CsvCell = { value: '', line, column: record.cells.length + 1 }
      record.cells.push(cell)
      if (src[i] === '"') {
        const open = line
        let value = ''
        i += 1
        for (;;) {
          if (i >= src.length) {
            return fail(open, cell.column, 'a quoted cell is never closed')
          }
          const ch = src[i] as string
          if (ch === '"') {
            if (src[i + 1] === '"') {
              value += '"'
              i += 2
              continue
            }
            i += 1
            break
          }
          if (ch === '\n') line += 1
          value += ch
          i += 1
        }
        cell.value = value
        const next = src[i]
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return fail(line, cell.column, 'a quoted cell must end at a comma or the end of the line')
        }
      } else {
        const start = i
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          if (src[i] === '"') return fail(line, cell.column, 'a quote inside an unquoted cell')
          i += 1
        }
        cell.value = src.slice(start, i)
      }
      if (src[i] === ',') {
        i += 1
        continue
      }
      // End of record: CRLF, LF, a lone CR, or the end of the text.
      if (src[i] === '\r') i += 1
      if (src[i] === '\n') i += 1
      line += 1
      break
    }
    const blank = record.cells.length === 1 && record.cells[0]?.value === ''
    if (!blank) records.push(record)
  }
  return { ok: true, records }
}

const fail = (line: number, column: number, message: string): CsvReadResult => ({
  ok: false,
  error: { line, column, message },
})

/** Writes rows as CSV with CRLF line ends, quoting a cell only where it needs it. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCell).join(',') + '\r\n').join('')
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replaceAll('"', '""')}"`
    : value
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA = /^'*[=+\-@\t\r]/

/** Guards free text for a spreadsheet: a cell that would start a formula gets a leading `'`. */
export function guardFormula(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value
}

/** Undoes `guardFormula`, so that exported text imports back unchanged. */
export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA.test(value) ? value.slice(1) : value
}
