/**
 * Graph beta `signIn` objects (portal JSON downloads, Graph pages, this app's NDJSON export, Extractor-Suite dumps)
 * and Azure Monitor diagnostic records (`{time, category, properties:{…}}`, log-analytics.md §2.3) → the one shape.
 */
import {
  intValue,
  logTypeOfEventTypes,
  logTypeOfName,
  RecordError,
  textValue,
  toIsoUtc,
  withGraphSpelling,
  withoutAbsent,
  type FileSignIn,
  type MappedRecord,
} from './record-shape.ts'

export function isGraphRecord(record: Record<string, unknown>): boolean {
  return typeof record.id === 'string' && 'createdDateTime' in record
}

export function isDiagnosticRecord(record: Record<string, unknown>): boolean {
  return typeof record.category === 'string' && !!record.properties && typeof record.properties === 'object'
}

export function mapGraphRecord(record: Record<string, unknown>): MappedRecord {
  const id = textValue(record.id)
  if (!id) throw new RecordError('the record has no id')
  const createdDateTime = toIsoUtc(record.createdDateTime)
  if (!createdDateTime) throw new RecordError('the record has no readable createdDateTime')
  const signIn = { ...record, id, createdDateTime } as FileSignIn
  return { signIn, logType: logTypeOfEventTypes(record.signInEventTypes) }
}

/**
 * The envelope fills what `properties` lacks: the category names the log type, `resultType` the error code,
 * `callerIpAddress` the IP; `time` only when the properties carry no `createdDateTime` (it runs minutes late, §1.3).
 */
export function mapDiagnosticRecord(record: Record<string, unknown>): MappedRecord {
  const properties = record.properties as Record<string, unknown>
  const id = textValue(properties.id)
  if (!id) throw new RecordError('the record has no properties.id')
  const createdDateTime = toIsoUtc(properties.createdDateTime) ?? toIsoUtc(record.time)
  if (!createdDateTime) throw new RecordError('the record has no readable createdDateTime or time')
  const logType = logTypeOfEventTypes(properties.signInEventTypes) ?? logTypeOfName(record.category)
  const errorCode = intValue(record.resultType)
  const signIn = withoutAbsent({
    ...withGraphSpelling(properties),
    id,
    createdDateTime,
    ipAddress: textValue(properties.ipAddress) ?? textValue(record.callerIpAddress),
    status:
      properties.status ??
      (errorCode === undefined
        ? undefined
        : { errorCode, failureReason: textValue(record.resultDescription) ?? null, additionalDetails: null }),
    signInEventTypes: properties.signInEventTypes ?? (logType ? [logType] : undefined),
  }) as FileSignIn
  return { signIn, logType }
}
