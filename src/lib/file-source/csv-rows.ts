/**
 * RFC 4180 rows from a stream of text chunks, each with the line it starts on. Hand-written because the file
 * arrives as a (possibly gunzipped) stream and the error report needs physical line numbers across multi-line
 * cells, which papaparse's streaming modes (File or Node streams only) do not give.
 */

export interface CsvRow {
  cells: string[]
  /** 1-based physical line where the row starts (multi-line cells span several). */
  line: number
}

export class CsvFileError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`)
  }
}

export async function* csvRows(chunks: AsyncIterable<string>): AsyncGenerator<CsvRow> {
  let cells: string[] = []
  let cell = ''
  let quoted = false
  /** The previous char closed a quote: `""` is an escaped quote, anything else ends the quoted part. */
  let quoteClosed = false
  let line = 1
  let rowLine = 1
  let rowHasContent = false
  let pendingCr = false
  let previous = ''

  for await (const chunk of chunks) {
    const rows: CsvRow[] = []
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!
      if (!quoted) previous = ''
      if (pendingCr) {
        pendingCr = false
        if (c === '\n') continue
      }
      if (quoted) {
        if (c === '"') {
          quoted = false
          quoteClosed = true
        } else {
          // CRLF inside a cell is one line break; CR or LF alone is one too.
          if (c === '\r' || (c === '\n' && previous !== '\r')) line++
          cell += c
        }
        previous = c
        continue
      }
      if (c === '"') {
        if (quoteClosed) cell += '"'
        quoted = true
        quoteClosed = false
        rowHasContent = true
        continue
      }
      quoteClosed = false
      if (c === ',') {
        cells.push(cell)
        cell = ''
        rowHasContent = true
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') pendingCr = true
        if (rowHasContent || cell !== '') {
          cells.push(cell)
          rows.push({ cells, line: rowLine })
        }
        cells = []
        cell = ''
        rowHasContent = false
        line++
        rowLine = line
      } else {
        cell += c
        rowHasContent = true
      }
    }
    yield* rows
  }
  if (quoted) throw new CsvFileError(rowLine, 'a quoted cell is never closed (the file ends inside it)')
  if (rowHasContent || cell !== '') {
    cells.push(cell)
    yield { cells, line: rowLine }
  }
}
