/**
 * The one record shape every file format is normalised to: the beta `signIn` properties a file has (the grid,
 * filters and details read them by their Graph names), plus the record as the file had it for the details pane.
 */
import { conditionalAccessConditionsValues } from '../../../contract/enum-values.ts'
import type { BetaSignIn } from '../../../contract/sign-in.ts'

export type LogType = 'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity'

export const LOG_TYPES: readonly LogType[] = [
  'interactiveUser',
  'nonInteractiveUser',
  'servicePrincipal',
  'managedIdentity',
]

/** Whatever a file lacks stays absent: a CSV has no nested details, and the pane says so. */
export type FileSignIn = Partial<BetaSignIn> & { id: string; createdDateTime: string }

export type FileFormat =
  'graph-json' | 'azure-monitor-json' | 'log-analytics-json' | 'log-analytics-csv' | 'portal-csv'

export interface MappedRecord {
  signIn: FileSignIn
  /** Log type the record itself names (Graph `signInEventTypes`, Azure Monitor `category`, LA `Category`/`Type`). */
  logType: LogType | null
}

/** A record the mapper cannot use, with the reason the user reads. */
export class RecordError extends Error {}

/** Azure Monitor diagnostic categories and Log Analytics table names → the Graph log type (log-analytics.md §1.1). */
const LOG_TYPE_BY_NAME: Record<string, LogType> = {
  signinlogs: 'interactiveUser',
  noninteractiveusersigninlogs: 'nonInteractiveUser',
  aadnoninteractiveusersigninlogs: 'nonInteractiveUser',
  serviceprincipalsigninlogs: 'servicePrincipal',
  aadserviceprincipalsigninlogs: 'servicePrincipal',
  managedidentitysigninlogs: 'managedIdentity',
  aadmanagedidentitysigninlogs: 'managedIdentity',
}

export function logTypeOfName(name: unknown): LogType | null {
  return typeof name === 'string' ? (LOG_TYPE_BY_NAME[name.toLowerCase()] ?? null) : null
}

export function logTypeOfEventTypes(value: unknown): LogType | null {
  if (!Array.isArray(value)) return null
  const known = value.find((entry): entry is LogType => LOG_TYPES.includes(entry as LogType))
  return known ?? null
}

const MONTH_DAY_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2}):(\d{2})(\.\d+)?\s*([AP]M)?$/i
const SPACE_SEPARATED = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * A time stamp as ISO 8601 UTC. Log Analytics' portal export writes `4/28/2021, 2:08:45.221 PM` (§2.1) and
 * other tools `2025-11-21 19:45:18.0766240`; both are UTC. Null when the text is no time at all.
 */
export function toIsoUtc(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  const text = value.trim()
  const us = MONTH_DAY_YEAR.exec(text)
  if (us) {
    const [, month, day, year, hourText, minute, second, fraction, meridiem] = us
    let hour = Number(hourText)
    if (meridiem?.toUpperCase() === 'PM' && hour < 12) hour += 12
    if (meridiem?.toUpperCase() === 'AM' && hour === 12) hour = 0
    const pad = (n: number | string) => String(n).padStart(2, '0')
    const ms = fraction ? fraction.slice(1, 4).padEnd(3, '0') : '000'
    return `${year}-${pad(month!)}-${pad(day!)}T${pad(hour)}:${minute}:${second}.${ms}Z`
  }
  const spaced = SPACE_SEPARATED.exec(text)
  const iso = spaced ? `${spaced[1]}T${spaced[2]}${(spaced[3] ?? '').slice(0, 4)}${spaced[4] ?? 'Z'}` : text
  const millis = Date.parse(iso)
  return Number.isNaN(millis) ? null : new Date(millis).toISOString()
}

/** JSON text (Log Analytics keeps many objects as strings) or the value itself; empty text is absent. */
export function jsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined
  const text = value.trim()
  if (text === '') return undefined
  if (text[0] !== '{' && text[0] !== '[') return value
  try {
    return JSON.parse(text)
  } catch {
    throw new RecordError(`a cell that should hold JSON does not parse: ${text.slice(0, 40)}…`)
  }
}

export function intValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const number = Number(value.trim())
  return Number.isInteger(number) ? number : undefined
}

export function boolValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (typeof value !== 'string') return undefined
  const text = value.trim().toLowerCase()
  return text === 'true' ? true : text === 'false' ? false : undefined
}

export function textValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  return typeof value === 'string' ? (value === '' ? undefined : value) : String(value)
}

/** Without the properties a file left absent, so "not in the file" never reads as an empty value. */
export function withoutAbsent<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T
}

/** Bit n of Azure Monitor's integer condition flags is member n+1 of Graph's list (member 0 is `none`). */
function conditionFlags(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isInteger(value)) return value
  if (value === 0) return 'none'
  const names = conditionalAccessConditionsValues.slice(1).filter((_, bit) => (value & (1 << bit)) !== 0)
  return names.length > 0 ? names.join(',') : value
}

/**
 * Azure Monitor and Log Analytics spell a few values differently from Graph (contract/fixtures.test.ts lists them):
 * condition flags as integers, `conditionalAccessAudiences` as objects, step times with offsets. Turned into Graph's form so the page reads
 * them as it reads Graph; the raw record keeps the original.
 */
export function withGraphSpelling(signIn: Record<string, unknown>): Record<string, unknown> {
  const policies = signIn.appliedConditionalAccessPolicies
  const audiences = signIn.conditionalAccessAudiences
  const steps = signIn.authenticationDetails
  return {
    ...signIn,
    // `+00:00` offsets with 7 fraction digits: Graph's form is UTC with `Z`.
    ...(Array.isArray(steps) && {
      authenticationDetails: steps.map((step: Record<string, unknown>) =>
        step && typeof step === 'object'
          ? {
              ...step,
              authenticationStepDateTime:
                toIsoUtc(step.authenticationStepDateTime) ?? step.authenticationStepDateTime,
            }
          : step,
      ),
    }),
    ...(Array.isArray(policies) && {
      appliedConditionalAccessPolicies: policies.map((policy: Record<string, unknown>) =>
        policy && typeof policy === 'object'
          ? {
              ...policy,
              conditionsSatisfied: conditionFlags(policy.conditionsSatisfied),
              conditionsNotSatisfied: conditionFlags(policy.conditionsNotSatisfied),
            }
          : policy,
      ),
    }),
    ...(Array.isArray(audiences) && {
      conditionalAccessAudiences: audiences.map((audience: unknown) =>
        audience && typeof audience === 'object' && 'applicationId' in audience
          ? (audience as { applicationId: unknown }).applicationId
          : audience,
      ),
    }),
  }
}
