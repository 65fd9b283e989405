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
  scenario: ScenarioName
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
