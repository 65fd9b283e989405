import type { SchedulerClock } from '../request-scheduler.ts'

/** Simulated time for tests: timers fire only when `advance` moves the clock past them. */
export interface SimulatedClock extends SchedulerClock {
  advance(ms: number): Promise<void>
  /** Runs timers until none is left or `limitMs` of simulated time has passed. */
  runAll(limitMs?: number): Promise<void>
}

interface Timer {
  at: number
  seq: number
  callback: () => void
}

/** Lets promise callbacks queued by a fired timer run before the next one fires. */
async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

export function createSimulatedClock(start = 0): SimulatedClock {
  let now = start
  let seq = 0
  const timers = new Set<Timer>()
  const next = () => [...timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
  const clock: SimulatedClock = {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { at: now + Math.max(0, ms), seq: seq++, callback }
      timers.add(timer)
      return timer
    },
    clearTimeout(handle) {
      timers.delete(handle as Timer)
    },
    async advance(ms) {
      const until = now + ms
      await flushMicrotasks()
      for (let timer = next(); timer && timer.at <= until; timer = next()) {
        timers.delete(timer)
        now = timer.at
        timer.callback()
        await flushMicrotasks()
      }
      now = until
      await flushMicrotasks()
    },
    async runAll(limitMs = 3_600_000) {
      const until = now + limitMs
      await flushMicrotasks()
      for (let timer = next(); timer && timer.at <= until; timer = next()) {
        timers.delete(timer)
        now = timer.at
        timer.callback()
        await flushMicrotasks()
      }
    },
  }
  return clock
}
