import { prettyFilter } from './pretty-filter.ts'

export interface QueryParameter {
  name: string
  /** percent-decoded; `$filter` laid out by prettyFilter */
  value: string
}

export interface DescribedUrl {
  /** origin and decoded path, e.g. https://graph.microsoft.com/beta/auditLogs/signIns */
  resource: string
  /** the decoded path alone, e.g. /beta/auditLogs/signIns */
  path: string
  /** the whole URL decoded once, as a person reads it */
  decoded: string
  parameters: QueryParameter[]
  /** the decoded `$filter`, one line, or null when the request has none */
  filter: string | null
}

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    // A stray % (not an escape): show it as sent rather than nothing.
    return text
  }
}

/**
 * The request's URL for reading. Values are decoded by hand, not with URLSearchParams: that reads `+` as a space
 * (form encoding), while in Graph's URLs a `+` is itself (base64 in a nextLink's `$skiptoken`; the client sends
 * spaces as `%20`).
 */
export function describeUrl(url: string): DescribedUrl {
  const queryStart = url.indexOf('?')
  const base = queryStart === -1 ? url : url.slice(0, queryStart)
  const query = queryStart === -1 ? '' : url.slice(queryStart + 1)
  const raw = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=')
      return equals === -1
        ? { name: decodeOnce(pair), value: '' }
        : { name: decodeOnce(pair.slice(0, equals)), value: decodeOnce(pair.slice(equals + 1)) }
    })
  const filter = raw.find((parameter) => parameter.name === '$filter')?.value ?? null
  const resource = decodeOnce(base)
  return {
    resource,
    path: decodeOnce(base.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')) || '/',
    decoded: raw.length ? `${resource}?${raw.map((p) => `${p.name}=${p.value}`).join('&')}` : resource,
    parameters: raw.map((p) => (p.name === '$filter' ? { ...p, value: prettyFilter(p.value) } : p)),
    filter,
  }
}
