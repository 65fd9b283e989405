import { expect, it } from 'vitest'
import { createRequestQueue, WithdrawnError } from './request-queue.ts'

/** A task the test finishes when it chooses, recording when it started. */
function heldTask(started: number[], id: number) {
  let finish: (value: number) => void = () => {}
  const task = () => {
    started.push(id)
    return new Promise<number>((resolve) => (finish = resolve))
  }
  return { task, finish: (value: number) => finish(value) }
}

it('answers requests one after another, and a request withdrawn while it waits never runs', async () => {
  const queue = createRequestQueue()
  const started: number[] = []
  const first = heldTask(started, 1)
  const stale = heldTask(started, 2)
  const next = heldTask(started, 3)
  const answers = [1, 2, 3].map(() => undefined as unknown)
  const firstAnswer = queue.run(1, first.task).then((value) => (answers[0] = value))
  const staleAnswer = queue.run(2, stale.task).catch((error: unknown) => (answers[1] = error))
  const nextAnswer = queue.run(3, next.task).then((value) => (answers[2] = value))
  await Promise.resolve()
  expect(started).toEqual([1])

  queue.withdraw(2)
  await staleAnswer
  expect(answers[1]).toBeInstanceOf(WithdrawnError)
  first.finish(10)
  await firstAnswer
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(started).toEqual([1, 3])
  next.finish(30)
  await nextAnswer
  expect(answers).toEqual([10, expect.any(WithdrawnError), 30])
})

it('lets a request that already runs finish, and goes on after a failed one', async () => {
  const queue = createRequestQueue()
  const started: number[] = []
  const running = heldTask(started, 1)
  const answer = queue.run(1, running.task)
  const failing = queue.run(2, () => Promise.reject(new Error('bad filter')))
  const after = queue.run(3, async () => 'after')
  await Promise.resolve()
  queue.withdraw(1)
  running.finish(5)
  expect(await answer).toBe(5)
  await expect(failing).rejects.toThrow('bad filter')
  expect(await after).toBe('after')
})
