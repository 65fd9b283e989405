import { DATE_TIME_TOKEN, parseInstant } from './datetime.ts'
import { echo, invalidFilter } from './errors.ts'

export type Token =
  | { kind: 'identifier'; text: string; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'int'; value: number; text: string; position: number }
  | { kind: 'datetime'; value: Date; text: string; position: number }
  | { kind: '(' | ')' | ',' | ':' | '/'; position: number }
  | { kind: 'end'; position: number }

const PUNCTUATION = new Set(['(', ')', ',', ':', '/'])
// OData RWS is SP / HTAB (percent-decoded by the handler); CR/LF are tolerated too for hand-written filters.
const WHITESPACE = new Set([' ', '\t', '\r', '\n'])
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y
const INTEGER = /-?\d+/y
const IDENTIFIER_CHAR = /[A-Za-z0-9_]/

function syntaxError(text: string, position: number): never {
  throw invalidFilter(`Syntax error at position ${position} in ${echo(text)}.`)
}

function matchAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position
  return pattern.exec(text)?.[0]
}

/** Reads a `'…'` literal starting at `start` (spec §2.3: an embedded quote is doubled). */
function readString(text: string, start: number): { value: string; end: number } {
  let value = ''
  let i = start + 1
  for (;;) {
    const close = text.indexOf("'", i)
    if (close < 0) throw invalidFilter(`Unterminated string literal at position ${start} in ${echo(text)}.`)
    value += text.slice(i, close)
    if (text[close + 1] !== "'") return { value, end: close + 1 }
    value += "'"
    i = close + 2
  }
}

/** Splits a $filter into tokens; throws ODataError 400 on anything outside the grammar's alphabet. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text.charAt(i)
    if (WHITESPACE.has(ch)) {
      i++
      continue
    }
    if (PUNCTUATION.has(ch)) {
      tokens.push({ kind: ch as '(' | ')' | ',' | ':' | '/', position: i })
      i++
      continue
    }
    if (ch === "'") {
      const { value, end } = readString(text, i)
      tokens.push({ kind: 'string', value, position: i })
      i = end
      continue
    }
    const dateTime = matchAt(DATE_TIME_TOKEN, text, i)
    if (dateTime !== undefined) {
      const instant = parseInstant(dateTime)
      if (!instant) throw invalidFilter(`The date-time literal '${dateTime}' at position ${i} is not valid.`)
      tokens.push({ kind: 'datetime', value: new Date(instant.ms), text: dateTime, position: i })
      i = ensureBoundary(text, i + dateTime.length)
      continue
    }
    const integer = matchAt(INTEGER, text, i)
    if (integer !== undefined) {
      // `+ 0` turns -0 into 0 so that equal filters give equal ASTs.
      const value = Number(integer) + 0
      if (!Number.isSafeInteger(value))
        throw invalidFilter(`The integer literal at position ${i} is too large.`)
      tokens.push({ kind: 'int', value, text: integer, position: i })
      i = ensureBoundary(text, i + integer.length)
      continue
    }
    const identifier = matchAt(IDENTIFIER, text, i)
    if (identifier !== undefined) {
      tokens.push({ kind: 'identifier', text: identifier, position: i })
      i += identifier.length
      continue
    }
    syntaxError(text, i)
  }
  tokens.push({ kind: 'end', position: text.length })
  return tokens
}

/** A literal glued to a word (`50126abc`, `1.5`) is one malformed token, not two. */
function ensureBoundary(text: string, end: number): number {
  const next = text.charAt(end)
  if (IDENTIFIER_CHAR.test(next) || next === '.' || next === "'") syntaxError(text, end)
  return end
}
