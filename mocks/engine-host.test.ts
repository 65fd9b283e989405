// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { EngineAnswer, ToEngine } from './engine-protocol.ts'
import { createEngineHost } from './engine-host.ts'
import { AUTH, GRAPH, TEST_NOW, TEST_SEED } from './graph/testing.ts'

function hostWithInbox() {
  const answers: EngineAnswer[] = []
  const receive = createEngineHost({ post: (answer) => answers.push(answer), now: () => 1000 })
  return { answers, receive }
}

const request = (id: number, path = '/beta/auditLogs/signIns?$top=2'): ToEngine => ({
  type: 'request',
  id,
  method: 'GET',
  url: `${GRAPH}${path}`,
  headers: Object.entries(AUTH),
  body: null,
})
const start: ToEngine = { type: 'start', seed: TEST_SEED, now: TEST_NOW.getTime(), size: 'small' }

/** Until every posted request has its answer (they resolve on the microtask queue and Response bodies). */
async function settled(answers: EngineAnswer[], count: number) {
  for (let turn = 0; turn < 1000 && answers.filter((a) => a.type !== 'started').length < count; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return answers.filter((a) => a.type !== 'started')
}

const bodyOf = (answer: EngineAnswer | undefined) => {
  if (answer?.type !== 'response') throw new Error(`expected a response, got ${answer?.type}`)
  return JSON.parse(new TextDecoder().decode(answer.body)) as { value: { id: string }[] }
}

describe('engine host (the worker behind the browser bridge)', () => {
  it('holds requests that arrive before the start message, then answers them from the started tenant', async () => {
    const { answers, receive } = hostWithInbox()
    receive(request(1))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(answers).toEqual([])

    receive(start)
    const [reply] = await settled(answers, 1)
    expect(reply).toMatchObject({ type: 'response', id: 1, status: 200 })
    expect(bodyOf(reply).value).toHaveLength(2)
    expect(answers[0]).toEqual({ type: 'started', evaluatedAt: 1000, builtAt: 1000 })
  })

  it('applies a scenario posted before the start message', async () => {
    const { answers, receive } = hostWithInbox()
    receive({ type: 'scenario', name: 'forbidden' })
    receive(start)
    receive(request(7))
    const [reply] = await settled(answers, 1)
    expect(reply).toMatchObject({ type: 'response', id: 7, status: 403 })
  })

  it('answers the same records as a request made after start, in the order they were posted', async () => {
    const early = hostWithInbox()
    early.receive(request(1))
    early.receive(request(2, '/beta/auditLogs/signIns?$top=3'))
    early.receive(start)
    const late = hostWithInbox()
    late.receive(start)
    late.receive(request(1))
    const [first, second] = await settled(early.answers, 2)
    const [reference] = await settled(late.answers, 1)
    expect([first?.type === 'response' && first.id, second?.type === 'response' && second.id]).toEqual([1, 2])
    expect(bodyOf(first).value.map((record) => record.id)).toEqual(
      bodyOf(reference).value.map((record) => record.id),
    )
  })
})
