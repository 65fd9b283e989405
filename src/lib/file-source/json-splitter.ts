/**
 * Splits a JSON file into its records without holding the file as one string: a JSON array, Graph pages
 * (`{"value":[…]}`), Azure Monitor's `{"records":[…]}`, one pretty-printed record, or NDJSON (one record — or one
 * Graph page — per line, as Microsoft-Extractor-Suite, Azure Monitor blobs and this app's export write them).
 * Only one record's text is buffered at a time.
 */

export interface JsonRecordText {
  text: string
  /** 1-based line where the record starts. */
  line: number
}

export interface JsonProblem {
  line: number
  reason: string
}

export type JsonItem = { record: JsonRecordText } | { problem: JsonProblem }

export type JsonLayout = 'ndjson' | 'array' | 'wrapper' | 'single'

/** Keys whose array holds the records: Graph pages and Azure Monitor's storage blobs. */
const WRAPPER_KEYS = new Set(['value', 'records'])

export class JsonFileError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`)
  }
}

/** Elements of an already-parsed value: a wrapper's records, an array's elements, or the value itself. */
export function recordsOfValue(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (value && typeof value === 'object') {
    for (const key of WRAPPER_KEYS) {
      const inner = (value as Record<string, unknown>)[key]
      if (Array.isArray(inner)) return inner
    }
  }
  return [value]
}

/** Scans a JSON document (not NDJSON) by depth, capturing each record's text. */
class DocumentScanner {
  private buf = ''
  private pos = 0
  private depth = 0
  private inString = false
  private escape = false
  private line = 1
  private captureStart = -1
  private captureLine = 0
  private elementDepth = 1
  /** Inside a top-level object that may still turn out to be a wrapper. */
  private probing = false
  private keyStart = -1
  private lastKey: string | null = null
  private pendingKey: string | null = null
  private primitiveReported = false
  layout: JsonLayout | null = null

  push(chunk: string): JsonItem[] {
    const items: JsonItem[] = []
    this.buf += chunk
    for (; this.pos < this.buf.length; this.pos++) this.step(this.buf[this.pos]!, items)
    const keep = [this.captureStart, this.keyStart].filter((index) => index >= 0)
    const cut = keep.length > 0 ? Math.min(...keep) : this.pos
    this.buf = this.buf.slice(cut)
    this.pos -= cut
    if (this.captureStart >= 0) this.captureStart -= cut
    if (this.keyStart >= 0) this.keyStart -= cut
    return items
  }

  finish(): void {
    if (this.depth !== 0 || this.inString) {
      throw new JsonFileError(this.line, 'the file ends in the middle of a record (truncated?)')
    }
  }

  private step(c: string, items: JsonItem[]): void {
    if (this.inString) {
      if (this.escape) this.escape = false
      else if (c === '\\') this.escape = true
      else if (c === '"') {
        this.inString = false
        if (this.keyStart >= 0) {
          this.lastKey = this.buf.slice(this.keyStart + 1, this.pos)
          this.keyStart = -1
        }
      } else if (c === '\n') this.line++
      return
    }
    switch (c) {
      case '\n':
        this.line++
        return
      case ' ':
      case '\t':
      case '\r':
        return
      case '"':
        this.inString = true
        if (this.probing && this.depth === 1) this.keyStart = this.pos
        else this.checkPrimitive(items)
        return
      case '{':
      case '[':
        this.open(c)
        return
      case '}':
      case ']':
        this.close(items)
        return
      case ':':
        if (this.probing && this.depth === 1) this.pendingKey = this.lastKey
        return
      case ',':
        this.pendingKey = null
        this.primitiveReported = false
        return
      default:
        if (this.depth === 0) throw new JsonFileError(this.line, `unexpected "${c}" outside any record`)
        this.checkPrimitive(items)
    }
  }

  private open(c: string): void {
    if (this.depth === 0) {
      this.elementDepth = 1
      if (c === '[') this.layout ??= 'array'
      else {
        this.probing = true
        this.captureStart = this.pos
        this.captureLine = this.line
      }
    } else if (this.probing && this.depth === 1 && c === '[' && WRAPPER_KEYS.has(this.pendingKey ?? '')) {
      this.probing = false
      this.captureStart = -1
      this.elementDepth = 2
      this.layout = 'wrapper'
    } else if (!this.probing && this.depth === this.elementDepth && this.captureStart < 0) {
      this.captureStart = this.pos
      this.captureLine = this.line
    }
    this.depth++
  }

  private close(items: JsonItem[]): void {
    this.depth--
    if (this.depth < 0) throw new JsonFileError(this.line, 'a closing bracket without its opening one')
    const ended = this.depth === 0 && this.probing
    if (ended || (!this.probing && this.depth === this.elementDepth && this.captureStart >= 0)) {
      if (ended) this.layout ??= 'single'
      items.push({
        record: { text: this.buf.slice(this.captureStart, this.pos + 1), line: this.captureLine },
      })
      this.captureStart = -1
      this.probing = false
    }
  }

  /** A bare string, number or literal where a record should be: reported once per element. */
  private checkPrimitive(items: JsonItem[]): void {
    if (this.probing || this.depth !== this.elementDepth || this.captureStart >= 0 || this.primitiveReported)
      return
    this.primitiveReported = true
    items.push({ problem: { line: this.line, reason: 'an element that is not a JSON object' } })
  }
}

/** Record texts of a JSON or NDJSON file, in order, with the line each starts on. */
export async function* jsonRecordTexts(
  chunks: AsyncIterable<string>,
  onLayout?: (layout: JsonLayout) => void,
): AsyncGenerator<JsonItem> {
  let head = ''
  let document: DocumentScanner | null = null
  let lineNumber = 0
  let rest = ''
  const ndjsonLine = function* (text: string): Generator<JsonItem> {
    lineNumber++
    if (text.trim() === '') return
    yield { record: { text, line: lineNumber } }
  }
  let mode: 'unknown' | 'ndjson' | 'document' = 'unknown'
  for await (const chunk of chunks) {
    if (mode === 'unknown') {
      head += chunk
      const firstLineEnd = head.indexOf('\n')
      if (firstLineEnd < 0 && head.trim().length < 1 << 20) continue
      mode = chooseMode(firstLineEnd < 0 ? head : head.slice(0, firstLineEnd))
      onLayout?.(mode === 'ndjson' ? 'ndjson' : 'array')
      if (mode === 'document') {
        document = new DocumentScanner()
        yield* document.push(head)
      } else {
        rest = head
      }
      continue
    }
    if (document) {
      yield* document.push(chunk)
      continue
    }
    rest += chunk
    let end: number
    while ((end = rest.indexOf('\n')) >= 0) {
      yield* ndjsonLine(rest.slice(0, end))
      rest = rest.slice(end + 1)
    }
  }
  if (mode === 'unknown') {
    if (head.trim() === '') throw new JsonFileError(1, 'the file is empty')
    mode = chooseMode(head)
    onLayout?.(mode === 'ndjson' ? 'ndjson' : 'array')
    if (mode === 'document') {
      document = new DocumentScanner()
      yield* document.push(head)
    } else rest = head
  }
  if (document) {
    document.finish()
    if (document.layout) onLayout?.(document.layout)
    return
  }
  let end: number
  while ((end = rest.indexOf('\n')) >= 0) {
    yield* ndjsonLine(rest.slice(0, end))
    rest = rest.slice(end + 1)
  }
  yield* ndjsonLine(rest)
}

/** NDJSON when the first line is a whole JSON object on its own; a document otherwise. */
function chooseMode(firstLine: string): 'ndjson' | 'document' {
  const trimmed = firstLine.trim()
  const first = trimmed[0]
  if (first === '[') return 'document'
  if (first !== '{') throw new JsonFileError(1, 'this is not JSON: it does not start with "{" or "["')
  try {
    JSON.parse(trimmed)
    return 'ndjson'
  } catch {
    // A record spread over several lines: a pretty-printed document.
    return 'document'
  }
}
