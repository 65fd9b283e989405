/**
 * Messages between the page's MSW bridge (mocks/browser.ts) and the fake Graph's engine in a Web Worker
 * (mocks/engine-worker.ts). Requests and answers cross as plain data; bodies as transferred ArrayBuffers.
 */
import type { ScenarioName } from './scenarios.ts'
import type { TenantSize } from './tenant/volume.ts'

export interface EngineStart {
  type: 'start'
  seed: number
  /** The tenant's "now", ms since the epoch. */
  now: number
  size: TenantSize
}

export interface EngineScenario {
  type: 'scenario'
  name: ScenarioName
}

export interface EngineRequest {
  type: 'request'
  id: number
  method: string
  url: string
  headers: [string, string][]
  body: ArrayBuffer | null
}

export type ToEngine = EngineStart | EngineScenario | EngineRequest

/** The worker's answer to one request (EngineRequest.id). */
export type EngineReply = Exclude<EngineAnswer, { type: 'started' }>

export type EngineAnswer =
  | {
      type: 'response'
      id: number
      status: number
      statusText: string
      headers: [string, string][]
      body: ArrayBuffer
    }
  /** The fake dropped the connection (the `flaky` scenario): the page sees a network error. */
  | { type: 'network-error'; id: number }
  /**
   * Sent once, after the start message: when the worker's script ran and when the tenant was built, in ms since
   * the epoch (performance.timeOrigin + now; the worker's clock origin is not the page's). The page turns them
   * into performance marks, so the bench can tell where start-up time goes.
   */
  | { type: 'started'; evaluatedAt: number; builtAt: number }
