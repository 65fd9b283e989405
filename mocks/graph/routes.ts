/**
 * Path routing for the sign-in log surface (spec §1, §0). Graph matches segments case-insensitively (its own
 * nextLinks use `signins`, spec §2.4); anything outside the surface is 400 "Resource not found for the segment".
 */
import type { AggregationWindow } from '../../contract/sign-in.ts'
import { aggregationWindows } from '../../contract/sign-in.ts'
import { badRequest, GraphError, segmentNotFound, truncate } from './envelope.ts'
import type { GraphVersion } from './query-options.ts'
import type { SummaryEventType } from './sources.ts'

export type GraphRoute =
  | { kind: 'signInList'; version: GraphVersion }
  | { kind: 'signInEntity'; version: GraphVersion; id: string }
  | { kind: 'summaries'; version: 'beta'; type: SummaryEventType; window: AggregationWindow }

const SUMMARY_FUNCTIONS: ReadonlyMap<string, SummaryEventType> = new Map([
  ['getsummarizednoninteractivesignins', 'nonInteractiveUser'],
  ['getsummarizedserviceprincipalsignins', 'servicePrincipal'],
  ['getsummarizedmsisignins', 'managedIdentity'],
])

export function resolveRoute(pathname: string): GraphRoute {
  const segments = pathname
    .split('/')
    .slice(1)
    .map((raw) => decodeSegment(raw))
  // A trailing slash is tolerated, as ASP.NET routing does.
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop()
  const [versionSegment = '', root, collection, key, ...rest] = segments
  const version = parseVersion(versionSegment)
  // `reports` is a real root, so for `/reports/getSummarized…` Graph names the function segment (spec §0).
  if (root?.toLowerCase() === 'reports' && collection !== undefined) throw segmentNotFound(collection)
  if (root === undefined || root.toLowerCase() !== 'auditlogs') throw segmentNotFound(root ?? versionSegment)
  if (collection === undefined) throw segmentNotFound(root)

  const keyed = /^signins\('((?:[^']|'')*)'\)$/i.exec(collection)
  if (keyed) {
    if (key !== undefined) throw segmentNotFound(key)
    return { kind: 'signInEntity', version, id: (keyed[1] ?? '').replace(/''/g, "'") }
  }
  if (collection.toLowerCase() === 'signins') {
    if (key === undefined) return { kind: 'signInList', version }
    if (rest.length > 0) throw segmentNotFound(rest[0] ?? '')
    if (key === '') throw segmentNotFound(collection)
    return { kind: 'signInEntity', version, id: key }
  }

  const call = /^([A-Za-z]+)\((.*)\)$/s.exec(collection)
  const type = call ? SUMMARY_FUNCTIONS.get((call[1] ?? '').toLowerCase()) : undefined
  // Spec §1.2: the summarized functions are beta-only and bound to auditLogRoot (not reportRoot, spec §0).
  if (!call || !type || version !== 'beta') throw segmentNotFound(collection)
  if (key !== undefined) throw segmentNotFound(key)
  return { kind: 'summaries', version, type, window: parseWindow(call[2] ?? '') }
}

function parseVersion(segment: string): GraphVersion {
  const lower = segment.toLowerCase()
  if (lower === 'v1.0') return 'v1.0'
  if (lower === 'beta') return 'beta'
  // [obs] Graph answers an unknown version this way.
  throw new GraphError(400, 'BadRequest', `Invalid version: ${truncate(segment, 60)}`)
}

/** `aggregationWindow='h6'`; spec §1.2: a bad value is [unverified], assumed 400. */
function parseWindow(parameters: string): AggregationWindow {
  const match = /^\s*aggregationWindow\s*=\s*'([^']*)'\s*$/i.exec(parameters)
  if (!match) {
    throw badRequest(
      `The parameters '${truncate(parameters, 80)}' do not match the function's parameter 'aggregationWindow'.`,
    )
  }
  const value = match[1] ?? ''
  const window = aggregationWindows.find((candidate) => candidate === value)
  if (!window) {
    throw badRequest(
      `The value '${truncate(value, 40)}' is not valid for parameter 'aggregationWindow'; expected one of 'h1', 'h6', 'd1'.`,
    )
  }
  return window
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch (error) {
    if (error instanceof URIError) throw segmentNotFound(raw)
    throw error
  }
}
