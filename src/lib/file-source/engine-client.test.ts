import { expect, it } from 'vitest'
import { GraphError } from '../graph/errors.ts'
import { connectFileEngine, type EngineWorker } from './engine-client.ts'
import type { EngineRequest } from './engine-protocol.ts'

function fakeWorker() {
  const posted: EngineRequest[] = []
  const worker = {
    onmessage: null,
    onerror: null,
    postMessage: (message: EngineRequest) => posted.push(message),
    terminate: () => {},
  } as unknown as EngineWorker
  const answer = (id: number, result: unknown) =>
    worker.onmessage?.call(worker as Worker, new MessageEvent('message', { data: { id, ok: true, result } }))
  return { worker, posted, answer }
}

const query = { eventType: 'nonInteractiveUser', window: 'd1', top: 1001, skip: 1000 } as const

it('withdraws a query from the worker when its page aborts, and rejects it as aborted', async () => {
  const { worker, posted, answer } = fakeWorker()
  const engine = connectFileEngine(worker)
  const controller = new AbortController()
  const stale = engine.summarize(query, controller.signal)
  const current = engine.summarize({ ...query, window: 'h1', skip: 0 })
  controller.abort()
  const error = await stale.catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(GraphError)
  expect((error as GraphError).kind).toBe('aborted')
  expect(posted.map((message) => [message.kind, message.id])).toEqual([
    ['summarize', 1],
    ['summarize', 2],
    ['withdraw', 1],
  ])
  // A late answer to the withdrawn query is ignored; the others are still answered.
  answer(1, ['late'])
  answer(2, ['current'])
  expect(await current).toEqual(['current'])
})

it('never sends a query whose page has already aborted, and withdraws nothing once answered', async () => {
  const { worker, posted, answer } = fakeWorker()
  const engine = connectFileEngine(worker)
  const aborted = AbortSignal.abort()
  await expect(engine.list(undefined, 10, 0, undefined, aborted)).rejects.toBeInstanceOf(GraphError)
  expect(posted).toEqual([])
  const controller = new AbortController()
  const answered = engine.list(undefined, 10, 0, undefined, controller.signal)
  answer(1, [])
  expect(await answered).toEqual([])
  controller.abort()
  expect(posted.map((message) => message.kind)).toEqual(['list'])
})
