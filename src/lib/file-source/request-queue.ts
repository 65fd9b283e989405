/**
 * The engine worker's queries, answered one after another in the order asked. A page that no longer wants an
 * answer (its view changed, its query was cancelled) withdraws its request: one still waiting never runs, so a
 * stale page, such as the volume histogram's next 1,000 groups of the previous view, no longer delays the new
 * view's query behind it.
 */

export class WithdrawnError extends Error {
  constructor(id: number) {
    super(`Request ${id} was withdrawn before it ran.`)
    this.name = 'WithdrawnError'
  }
}

export interface RequestQueue {
  /** Runs `task` once every request queued before it has been answered, unless `id` is withdrawn first. */
  run<T>(id: number, task: () => Promise<T>): Promise<T>
  /** Withdraws request `id` if it is still waiting: it rejects with WithdrawnError and its task never runs. */
  withdraw(id: number): void
}

export function createRequestQueue(): RequestQueue {
  let last: Promise<unknown> = Promise.resolve()
  const waiting = new Map<number, () => void>()
  return {
    run<T>(id: number, task: () => Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        let withdrawn = false
        waiting.set(id, () => {
          withdrawn = true
          reject(new WithdrawnError(id))
        })
        last = last.then(async () => {
          waiting.delete(id)
          if (withdrawn) return
          try {
            resolve(await task())
          } catch (error) {
            reject(error)
          }
        })
      })
    },
    withdraw(id) {
      const withdrawing = waiting.get(id)
      waiting.delete(id)
      withdrawing?.()
    },
  }
}
