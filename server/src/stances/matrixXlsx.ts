import ExcelJS from 'exceljs'
import type { MatrixTable } from '../../../shared/domain/stances/matrixCsv'

// Fills per stance word, so a printed sheet reads as the page does; the words stay in the cell.
const FILLS: [RegExp, string][] = [
  [/^Supports/, 'FFE3F3E9'],
  [/^Opposes/, 'FFFBECEB'],
  [/^Concerns/, 'FFFBF1E3'],
  [/^Records disagree/, 'FFEFEAFA'],
]

/**
 * The positions matrix as an XLSX workbook (exceljs): the same rows as the CSV (treaty status
 * included), the header row
 * and the actor column frozen, stances filled by colour beside their words, synthetic
 * provenance in bold red.
 */
export async function matrixXlsx(table: MatrixTable, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Plenary'
  const sheet = book.addWorksheet('Positions', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  })
  sheet.addRow(table.header)
  for (const row of table.rows) sheet.addRow(row)
  const head = sheet.getRow(1)
  head.font = { bold: true }
  head.alignment = { vertical: 'top', wrapText: true }
  sheet.columns.forEach((column, i) => {
    const name = table.header[i] ?? ''
    column.width = i === 0 ? 28 : name.endsWith(': records') || name === 'Treaty status' ? 36 : 18
  })
  sheet.eachRow((row, n) => {
    if (n === 1) return
    row.eachCell((cell, col) => {
      const text = String(cell.value ?? '')
      const header = table.header[col - 1] ?? ''
      const fill = FILLS.find(([re]) => re.test(text))?.[1]
      if (fill && !header.includes(': ')) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }
      }
      if (header.endsWith(': provenance') && text.includes('Synthetic')) {
        cell.font = { bold: true, color: { argb: 'FFA4261D' } }
      }
    })
  })
  book.title = title
  return Buffer.from(await book.xlsx.writeBuffer())
}
