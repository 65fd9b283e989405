/**
 * Test-only Graph for the export engine: per log type a fixed list of sign-ins, newest first, many sharing one
 * createdDateTime (so restarts must deduplicate a boundary), served in short pages through `getPage`, with
 * injectable faults: the client giving up (429 storm, 5xx, dropped connection, expired token) and Graph
 * refusing a nextLink it issued (expired skiptoken).
 */
import type { BetaSignIn } from '../../../../../../contract/sign-in.ts'
import {
  GraphError,
  type GraphClient,
  type GraphPage,
  type PageRequestOptions,
} from '../../../../../lib/graph/index.ts'
import { abortedError } from '../../../../../lib/graph/errors.ts'
import type { TabId } from '../../../model/tabs.ts'
import { makeSignIn } from '../../test-sign-in.ts'

const eventTypeOf: Record<string, TabId> = {
  nonInteractiveUser: 'non-interactive',
  servicePrincipal: 'service-principal',
  managedIdentity: 'managed-identity',
}

/** `count` sign-ins of `type` ending at `newest`, 2 s apart in clusters of up to 3 at the same instant. */
export function makeTypeRecords(type: TabId, count: number, newest: Date): BetaSignIn[] {
  return Array.from({ length: count }, (_, index) => {
    const at = new Date(newest.getTime() - Math.floor(index / 3) * 2000 - (index % 7 === 6 ? 1000 : 0))
    return makeSignIn({
      id: `${type}-${String(index).padStart(6, '0')}`,
      createdDateTime: at.toISOString(),
      userPrincipalName: `user${index % 11}@contoso.example`,
    })
  }).sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime))
}

export type FakeFault = 'none' | 'throttled' | 'server' | 'network' | 'unauthorized' | 'refuse-next-link'

export interface FakeGraphOptions {
  records: Partial<Record<TabId, BetaSignIn[]>>
  pageSize: number
  /** Decides the fault of each call (call number from 0; `isNextLink` says whether a nextLink was asked for). */
  fault?: (call: number, isNextLink: boolean) => FakeFault
}

function failure(kind: Exclude<FakeFault, 'none' | 'refuse-next-link'>): GraphError {
  const status = { throttled: 429, server: 503, network: null, unauthorized: 401 }[kind]
  return new GraphError({ kind, status, code: kind, graphMessage: '', userMessage: `fake ${kind}` })
}

export function createFakeSignInGraph(options: FakeGraphOptions) {
  let calls = 0
  const requests: string[] = []
  const client: Pick<GraphClient, 'getPage'> = {
    async getPage<T>(pathOrUrl: string, opts: PageRequestOptions = {}): Promise<GraphPage<T>> {
      if (opts.signal?.aborted) throw abortedError()
      const call = calls++
      const isNextLink = pathOrUrl.startsWith('fake://')
      const fault = options.fault?.(call, isNextLink) ?? 'none'
      if (fault === 'refuse-next-link' && isNextLink)
        throw new GraphError({
          kind: 'bad-request',
          status: 400,
          code: 'BadRequest',
          graphMessage: 'Token not found',
          userMessage: 'fake expired skiptoken',
        })
      if (fault !== 'none' && fault !== 'refuse-next-link') throw failure(fault)
      let type: TabId
      let upTo: number
      let offset: number
      if (isNextLink) {
        const url = new URL(pathOrUrl)
        type = url.searchParams.get('type') as TabId
        upTo = Number(url.searchParams.get('le'))
        offset = Number(url.searchParams.get('offset'))
      } else {
        const filter = opts.params?.$filter ?? ''
        const eventType = /signInEventTypes\/any\(t: t eq '(\w+)'\)/.exec(filter)?.[1]
        type = eventType ? eventTypeOf[eventType]! : 'interactive'
        const upper = /createdDateTime le (\S+)/.exec(filter)?.[1]
        upTo = upper ? Date.parse(upper) : Number.POSITIVE_INFINITY
        offset = 0
      }
      requests.push(isNextLink ? `${type} next ${offset}` : `${type} first le ${upTo}`)
      const matching = (options.records[type] ?? []).filter(
        (record) => Date.parse(record.createdDateTime) <= upTo,
      )
      const value = matching.slice(offset, offset + options.pageSize)
      const next = offset + options.pageSize
      return {
        value: structuredClone(value) as T[],
        nextLink: next < matching.length ? `fake://signIns?type=${type}&le=${upTo}&offset=${next}` : null,
        requestId: `req-${call}`,
      }
    },
  }
  return {
    client,
    requests,
    get calls() {
      return calls
    },
  }
}
