/**
 * Graph `$filter` text → a DuckDB WHERE clause with parameters. The files data source answers the same requests
 * the page sends to Graph, so every filter the page can express (api/build-filter.ts's grammar: eq/ne/ge/le/gt/lt,
 * startswith, and/or/not, parentheses, `signInEventTypes/any(t: t eq '…')`) is evaluated by the engine. Values
 * never enter the SQL text: each is a `?` parameter; column names come only from the fixed table below.
 */

import type { SummaryGroupingKey } from '../../../contract/summary-grouping-keys.ts'

/** Graph property path → column of the sign-ins table (see engine-schema.ts). */
export const FILTER_COLUMNS: Readonly<Record<string, string>> = {
  id: 'id',
  createdDateTime: 'created_date_time',
  aggregationDateTime: 'created_date_time',
  correlationId: 'correlation_id',
  userId: 'user_id',
  userPrincipalName: 'user_principal_name',
  userDisplayName: 'user_display_name',
  appId: 'app_id',
  appDisplayName: 'app_display_name',
  'status/errorCode': 'error_code',
  ipAddress: 'ip_address',
  'location/city': 'city',
  'location/state': 'state',
  'location/countryOrRegion': 'country_or_region',
  resourceDisplayName: 'resource_display_name',
  resourceId: 'resource_id',
  conditionalAccessStatus: 'conditional_access_status',
  clientAppUsed: 'client_app_used',
  'deviceDetail/operatingSystem': 'operating_system',
  'deviceDetail/browser': 'browser',
  authenticationRequirement: 'authentication_requirement',
  servicePrincipalId: 'service_principal_id',
  servicePrincipalName: 'service_principal_name',
  'managedServiceIdentity/msiType': 'msi_type',
}

/** The column a `getSummarized*` grouping key is stored in; every key has one, as its children are filtered on it. */
export function columnOfGroupingKey(key: SummaryGroupingKey): string {
  const column = FILTER_COLUMNS[key]
  if (!column) throw new Error(`No column holds the grouping key ${key}`)
  return column
}

const TIME_COLUMNS = new Set(['created_date_time'])

/**
 * A property read differently in one query: a SQL expression (the summaries' `aggregationDateTime` is the bucket
 * start, not the sign-in's time), or null when that query cannot be filtered on it.
 */
export type ColumnOverride = { sql: string; time: boolean } | null
export type ColumnOverrides = Readonly<Record<string, ColumnOverride>>
const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', ge: '>=', le: '<=', gt: '>', lt: '<' }

export type SqlValue = string | number
export interface SqlWhere {
  sql: string
  params: SqlValue[]
}

export class FilterSyntaxError extends Error {}

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'time'; value: string }
  | { kind: 'null' }
  | { kind: 'punct'; text: '(' | ')' | ',' | ':' }

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/
const NUMBER = /^-?\d+(\.\d+)?/
const WORD = /^[A-Za-z_][A-Za-z0-9_/]*/

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let rest = text
  while ((rest = rest.trimStart()) !== '') {
    const c = rest[0]!
    if (c === '(' || c === ')' || c === ',' || c === ':') {
      tokens.push({ kind: 'punct', text: c })
      rest = rest.slice(1)
    } else if (c === "'") {
      // OData doubles a quote inside a string literal.
      let value = ''
      let i = 1
      for (;;) {
        if (i >= rest.length) throw new FilterSyntaxError('a string literal is never closed')
        if (rest[i] === "'") {
          if (rest[i + 1] === "'") {
            value += "'"
            i += 2
            continue
          }
          break
        }
        value += rest[i]
        i++
      }
      tokens.push({ kind: 'string', value })
      rest = rest.slice(i + 1)
    } else {
      const time = TIME.exec(rest)
      const number = time ? null : NUMBER.exec(rest)
      const word = time || number ? null : WORD.exec(rest)
      if (time) tokens.push({ kind: 'time', value: time[0] })
      else if (number) tokens.push({ kind: 'number', value: Number(number[0]) })
      else if (word?.[0] === 'null') tokens.push({ kind: 'null' })
      else if (word) tokens.push({ kind: 'word', text: word[0] })
      else throw new FilterSyntaxError(`unexpected "${c}" in the filter`)
      rest = rest.slice((time ?? number ?? word)![0].length)
    }
  }
  return tokens
}

class Parser {
  private index = 0
  readonly params: SqlValue[] = []
  constructor(
    private readonly tokens: Token[],
    private readonly overrides: ColumnOverrides,
  ) {}

  private column(path: string): { sql: string; time: boolean } {
    if (Object.hasOwn(this.overrides, path)) {
      const override = this.overrides[path]
      if (!override) throw new FilterSyntaxError(`this view cannot be filtered on ${path}`)
      return override
    }
    const column = columnOf(path)
    return { sql: column, time: TIME_COLUMNS.has(column) }
  }

  parse(): string {
    const sql = this.or()
    if (this.index < this.tokens.length) throw new FilterSyntaxError('unexpected text after the filter')
    return sql
  }

  private peekWord(word: string): boolean {
    const token = this.tokens[this.index]
    return token?.kind === 'word' && token.text.toLowerCase() === word
  }

  private next(): Token {
    const token = this.tokens[this.index++]
    if (!token) throw new FilterSyntaxError('the filter ends too early')
    return token
  }

  private expect(text: '(' | ')' | ',' | ':'): void {
    const token = this.next()
    if (token.kind !== 'punct' || token.text !== text) throw new FilterSyntaxError(`expected "${text}"`)
  }

  private or(): string {
    const parts = [this.and()]
    while (this.peekWord('or')) {
      this.index++
      parts.push(this.and())
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`
  }

  private and(): string {
    const parts = [this.unary()]
    while (this.peekWord('and')) {
      this.index++
      parts.push(this.unary())
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`
  }

  private unary(): string {
    if (this.peekWord('not')) {
      this.index++
      return `(NOT ${this.unary()})`
    }
    return this.primary()
  }

  private primary(): string {
    const token = this.next()
    if (token.kind === 'punct' && token.text === '(') {
      const inner = this.or()
      this.expect(')')
      return inner
    }
    if (token.kind !== 'word') throw new FilterSyntaxError('expected a property or function')
    if (token.text.toLowerCase() === 'startswith') return this.startsWith()
    if (token.text === 'signInEventTypes/any') return this.eventTypeAny()
    const column = this.column(token.text)
    const operator = this.next()
    const sqlOperator = operator.kind === 'word' ? COMPARISONS[operator.text.toLowerCase()] : undefined
    if (!sqlOperator) throw new FilterSyntaxError(`expected a comparison after ${token.text}`)
    if (this.tokens[this.index]?.kind === 'null') {
      this.index++
      // A group's missing key (`ipAddress eq null`) names exactly the sign-ins without one.
      if (sqlOperator === '=') return `${column.sql} IS NULL`
      if (sqlOperator === '<>') return `${column.sql} IS NOT NULL`
      throw new FilterSyntaxError('null can only be compared with eq or ne')
    }
    return this.comparison(column, sqlOperator, this.literal())
  }

  private comparison(
    { sql: column, time }: { sql: string; time: boolean },
    operator: string,
    value: SqlValue,
  ): string {
    if (time) {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        throw new FilterSyntaxError('a time is compared with something that is no time')
      }
      this.params.push(new Date(value).toISOString())
      return `${column} ${operator} CAST(? AS TIMESTAMP)`
    }
    this.params.push(value)
    // Graph compares text case-insensitively (UPNs, names): so does the engine.
    return typeof value === 'string' ? `lower(${column}) ${operator} lower(?)` : `${column} ${operator} ?`
  }

  private startsWith(): string {
    this.expect('(')
    const path = this.next()
    if (path.kind !== 'word') throw new FilterSyntaxError('startswith needs a property')
    const { sql: column } = this.column(path.text)
    this.expect(',')
    const value = this.literal()
    this.expect(')')
    if (typeof value !== 'string') throw new FilterSyntaxError('startswith needs a text value')
    this.params.push(value)
    return `starts_with(lower(${column}), lower(?))`
  }

  private eventTypeAny(): string {
    this.expect('(')
    const variable = this.next()
    this.expect(':')
    const again = this.next()
    const operator = this.next()
    if (
      variable.kind !== 'word' ||
      again.kind !== 'word' ||
      again.text !== variable.text ||
      operator.kind !== 'word' ||
      operator.text !== 'eq'
    ) {
      throw new FilterSyntaxError("signInEventTypes/any supports only (t: t eq '…')")
    }
    const value = this.literal()
    this.expect(')')
    this.params.push(value)
    return 'sign_in_event_type = ?'
  }

  private literal(): SqlValue {
    const token = this.next()
    if (token.kind === 'string' || token.kind === 'number' || token.kind === 'time') return token.value
    throw new FilterSyntaxError('expected a value')
  }
}

function columnOf(path: string): string {
  const column = FILTER_COLUMNS[path]
  if (!column) throw new FilterSyntaxError(`the files cannot be filtered on ${path}`)
  return column
}

/** The WHERE clause of a `$filter`; `TRUE` with no parameters for none. */
export function odataFilterToSql(filter: string | undefined, overrides: ColumnOverrides = {}): SqlWhere {
  if (!filter || filter.trim() === '') return { sql: 'TRUE', params: [] }
  const parser = new Parser(tokenize(filter), overrides)
  return { sql: parser.parse(), params: parser.params }
}
