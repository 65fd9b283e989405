/**
 * Every sign-in record the app shows or downloads passes through here (issue #15, "bad data never blanks the
 * page"): Graph pages are checked against the contract schemas instead of being cast. The check is lenient —
 * properties we do not model and enum members newer than ours pass, as Graph adds both over time — but a record
 * of the wrong shape (a missing property, `null` where an object must be, a date that is not a date) is left
 * out and reported with its request id and what was wrong, so one bad record cannot throw during render.
 *
 * The schemas use classic zod, which is not on the first screen (issue #7): they load on the first read, in
 * parallel with the first request, and the import starts when this module loads.
 */
import { config, type core } from 'zod/mini'
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import type { GraphPage } from '../../../lib/graph/client.ts'
import { invalidResponseError } from '../../../lib/graph/errors.ts'

// Classic zod compiles object parsers with `new Function` unless told not to, and the CSP forbids eval: the
// browser would log a violation for the attempt. The interpreted parser is fast enough (bench: read-records).
config({ jitless: true })

type Schema = core.$ZodType
type ContractSchemas = { signIn: Schema; summary: Schema }

let contractSchemas: Promise<ContractSchemas> | null = null

/** Starts loading the schemas (idempotent); reading a page awaits the same load. */
export function loadContractSchemas(): Promise<ContractSchemas> {
  contractSchemas ??= import('../../../../contract/sign-in.ts').then((contract) => ({
    signIn: contract.betaSignInSchema,
    summary: contract.summarizedSignInSchema,
  }))
  return contractSchemas
}
void loadContractSchemas()

/** One record left out of a page, in words a person can act on. */
export interface LeftOutRecord {
  /** The response's `request-id` header, for a support case with Microsoft. */
  requestId: string | null
  /** The record's `id` when it has a string one. */
  recordId: string | null
  /** Position on its page, from 1. */
  position: number
  problems: string[]
}

export interface CheckedPage<T> extends GraphPage<T> {
  leftOut: LeftOutRecord[]
}

const MAX_PROBLEMS_PER_RECORD = 5

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'The record'
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  )
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'object') return 'an object'
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`
}

const expectedWords: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
}

/** A zod issue in plain words, e.g. "status should be an object, not null". */
function describeIssue(issue: core.$ZodIssue, record: unknown): string {
  const where = pathText(issue.path)
  const value = valueAt(record, issue.path)
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `${where} is missing`
      return `${where} should be ${expectedWords[issue.expected] ?? issue.expected}, not ${describeValue(value)}`
    case 'invalid_format':
      return issue.format === 'datetime'
        ? `${where} should be a date and time, not ${describeValue(value)}`
        : `${where} is not a valid ${issue.format}: ${describeValue(value)}`
    default:
      return `${where}: ${issue.message} (${describeValue(value)})`
  }
}

/**
 * What the lenient check lets through: properties we do not model (our objects are strict for the fake's sake),
 * and enum or flags values that are text but not yet in our lists (Graph adds members, graph-api.md §2.5).
 */
function isTolerated(issue: core.$ZodIssue, record: unknown): boolean {
  if (issue.code === 'unrecognized_keys') return true
  if (issue.code === 'invalid_value' || issue.code === 'custom') {
    const value = valueAt(record, issue.path)
    return typeof value === 'string' && value !== ''
  }
  return false
}

/** The problems that make a record unreadable; empty when it is fine. */
function problemsOf(schema: Schema, record: unknown): string[] {
  const result = schema['~standard'].validate(record)
  if (result instanceof Promise) throw new Error('The contract schemas must be synchronous')
  if (!result.issues) return []
  return (result.issues as core.$ZodIssue[])
    .filter((issue) => !isTolerated(issue, record))
    .map((issue) => describeIssue(issue, record))
}

function checkRecords<T>(schema: Schema, page: GraphPage<unknown>): CheckedPage<T> {
  const value: T[] = []
  const leftOut: LeftOutRecord[] = []
  page.value.forEach((record, index) => {
    const problems = problemsOf(schema, record)
    if (problems.length === 0) {
      value.push(record as T)
      return
    }
    const id = valueAt(record, ['id'])
    leftOut.push({
      requestId: page.requestId,
      recordId: typeof id === 'string' ? id : null,
      position: index + 1,
      problems:
        problems.length > MAX_PROBLEMS_PER_RECORD
          ? [
              ...problems.slice(0, MAX_PROBLEMS_PER_RECORD),
              `and ${problems.length - MAX_PROBLEMS_PER_RECORD} more`,
            ]
          : problems,
    })
  })
  return { value, nextLink: page.nextLink, requestId: page.requestId, leftOut }
}

/** A page of `signIns`: readable records kept, the others left out and listed. */
export async function readSignInPage(page: GraphPage<unknown>): Promise<CheckedPage<BetaSignIn>> {
  return checkRecords<BetaSignIn>((await loadContractSchemas()).signIn, page)
}

/** A page of `getSummarized*SignIns` rows. */
export async function readSummaryPage(page: GraphPage<unknown>): Promise<CheckedPage<SummarizedSignIn>> {
  return checkRecords<SummarizedSignIn>((await loadContractSchemas()).summary, page)
}

/** One sign-in by id: there is nothing else to show, so a wrong shape is an error that says what was wrong. */
export async function readSignIn(record: unknown, requestId: string | null = null): Promise<BetaSignIn> {
  const problems = problemsOf((await loadContractSchemas()).signIn, record)
  if (problems.length > 0) {
    throw invalidResponseError(200, requestId, `the sign-in record is malformed: ${problems.join('; ')}`)
  }
  return record as BetaSignIn
}

/** "2 sign-ins on this page could not be read": the count in words, for the notices. */
export function leftOutSummary(count: number, noun: { one: string; many: string }): string {
  return `${count} ${count === 1 ? noun.one : noun.many} could not be read and ${count === 1 ? 'is' : 'are'} left out.`
}

/** One line per left-out record, with its request id. */
export function leftOutDetail(record: LeftOutRecord): string {
  const which = record.recordId
    ? `Record ${record.position} (id ${record.recordId})`
    : `Record ${record.position}`
  const request = record.requestId ? `, request ID ${record.requestId}` : ''
  return `${which}${request}: ${record.problems.join('; ')}.`
}
