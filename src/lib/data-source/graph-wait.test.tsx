import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { GraphError } from '../graph/errors.ts'
import { createGraphWaitStore, GraphWaitProvider, useGraphWait } from './graph-wait.tsx'

afterEach(() => {
  vi.useRealTimers()
})

describe('useGraphWait', () => {
  it('never counts down from more than the wait itself, even when the page mounted long before it', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T10:00:00Z') })
    const store = createGraphWaitStore(() => Date.now())
    const wrapper = ({ children }: { children: ReactNode }) => (
      <GraphWaitProvider store={store}>{children}</GraphWaitProvider>
    )
    const { result } = renderHook(() => useGraphWait(), { wrapper })
    expect(result.current).toBeNull()
    // The page has been open for 1.8 s when Graph answers 429 with the clamped 120 s.
    vi.setSystemTime(Date.parse('2026-12-07T10:00:01.800Z'))
    const error = new GraphError({
      kind: 'throttled',
      status: 429,
      code: 'UnknownError',
      graphMessage: 'This request is throttled.',
      userMessage: 'Throttled by Microsoft Graph.',
      retryAfterSeconds: 120,
    })
    act(() => store.report({ reason: 'throttled', attempt: 1, seconds: 120, error }))
    expect(result.current).toEqual({ reason: 'throttled', secondsLeft: 120 })
    act(() => {
      vi.advanceTimersByTime(1_000)
    })
    expect(result.current?.secondsLeft).toBe(119)
    act(() => {
      vi.advanceTimersByTime(119_000)
    })
    expect(result.current).toBeNull()
  })
})
