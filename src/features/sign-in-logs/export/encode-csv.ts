/**
 * Pure CSV encoding of sign-in records (downloads.md §2, §4). No I/O, no React: the download
 * pipeline (run-download.ts) calls `encode` once per page and writes the returned text.
 *
 * Hand-rolled on purpose, not papaparse's `unparse`: the whole encoder is "quote every cell, double
 * the quotes, join with commas, end with CRLF" (RFC 4180 §2.6–2.7), papaparse is only a test
 * dependency of this app (it stays out of the shipped bundle), and the property tests parse our
 * output back WITH papaparse — an independent implementation checks this one.
 */
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { csvLayouts, type AuthDetailRow, type CsvColumn } from './csv-columns.ts'
import { anyValueText } from './csv-values.ts'

/** CRLF line ends (§4 "Field separator / line end" [U]), as RFC 4180 §2.1 says. */
export const CSV_LINE_END = '\r\n'
/** Written first only when the user asks for "Excel-friendly (UTF-8 BOM)"; the portal wrote none in 2019 [T 28]. */
export const UTF8_BOM = '\uFEFF'

/**
 * OWASP "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): spreadsheets run a
 * cell as a formula when it begins with `=`, `+`, `-`, `@`, tab (0x09) or carriage return (0x0D);
 * the guidance is to prepend a single quote to such cells (and to quote cells and double embedded
 * quotes, which RFC 4180 quoting does anyway). OWASP ASVS 5.0 V1.2.10 adds NUL (0x00) to the list.
 *
 * Beyond the first-character rule we also neutralise a trigger that follows leading spaces or line
 * feeds (` =HYPERLINK(…)`, `\n=1+1`): some spreadsheet import paths trim leading whitespace before
 * deciding what a cell is, and a genuine sign-in value never starts that way, so this costs nothing.
 *
 * This is an intentional difference from the portal, whose behaviour is unknown (downloads.md §4
 * "Formula-looking cells"); e.g. `uniqueTokenIdentifier` values can start with `-` [T 20] and then
 * read `'-…` in our file.
 */
const FORMULA_TRIGGER = /^[ \n]*[=+\-@\t\r\0]/
const SPACE = 0x20
const LINE_FEED = 0x0a

export function neutraliseFormula(value: string): string {
  // Fast path (this runs for every cell): most cells start with a letter or digit.
  const first = value.charCodeAt(0)
  if (Number.isNaN(first)) return value
  if (first !== SPACE && first !== LINE_FEED && first > 0x40) return value
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value
}

/** RFC 4180 §2.5–2.7: every cell quoted (the portal quotes every header cell [T 7]), `"` doubled. */
export function quoteCell(value: string): string {
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`
}

/**
 * One data cell as written: neutralised, then quoted. A column reading a field of the wrong type (a number where
 * Graph promises text) gets its text, so one odd record cannot throw and fail the whole file.
 */
export function encodeCell(value: string): string {
  return quoteCell(neutraliseFormula(typeof value === 'string' ? value : anyValueText(value)))
}

/** One data row: encoded cells joined by commas, ended by CRLF. */
export function encodeCsvRow(cells: readonly string[]): string {
  return cells.map(encodeCell).join(',') + CSV_LINE_END
}

function encodeRows<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  let out = ''
  for (const row of rows) {
    for (let index = 0; index < columns.length; index += 1) {
      if (index > 0) out += ','
      // Inlined row loop (no per-row array): this is the hot path of a 100,000-record file.
      out += encodeCell(columns[index]!.value(row))
    }
    out += CSV_LINE_END
  }
  return out
}

/** Streams one file: `start()` once, `encode(page)` per page, `end()` once. */
export interface RecordEncoder {
  readonly mimeType: string
  start(): string
  encode(records: readonly BetaSignIn[]): string
  end(): string
}

export type CsvFileContent = 'user' | 'authDetails' | 'servicePrincipal' | 'managedIdentity'

function* authenticationSteps(records: readonly BetaSignIn[]): Generator<AuthDetailRow> {
  for (const signIn of records) {
    for (const step of signIn.authenticationDetails ?? []) yield { signIn, step }
  }
}

export function createCsvEncoder(content: CsvFileContent, options: { bom?: boolean } = {}): RecordEncoder {
  const header = csvLayouts[content].header
  const start = () => (options.bom ? UTF8_BOM : '') + header + CSV_LINE_END
  const end = () => ''
  const mimeType = 'text/csv;charset=utf-8'
  if (content === 'authDetails') {
    const columns = csvLayouts.authDetails.columns
    return { mimeType, start, end, encode: (records) => encodeRows(columns, authenticationSteps(records)) }
  }
  const columns = csvLayouts[content].columns
  return { mimeType, start, end, encode: (records) => encodeRows(columns, records) }
}
