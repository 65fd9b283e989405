/**
 * Test harness: the whole App against the fake Graph (MSW, node) with a small, seeded tenant and a
 * fixed clock, so tests see the same data every run. The network is mocked at the network layer
 * (style.md habit 2); nothing of ours is stubbed.
 */
import { render } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createMockGraphServer } from '../../../../../mocks/node.ts'
import { App } from '../../../../app/App.tsx'
import { createMockDataSource } from '../../../../lib/data-source/data-source.tsx'
import { createAppQueryClient } from '../../../../app/query-client.ts'

export const testNow = new Date('2026-11-30T12:00:00Z')

export function startFakeGraph() {
  const mock = createMockGraphServer({ size: 'small', seed: 7, now: testNow })
  const requests: URL[] = []
  mock.server.events.on('request:start', ({ request }) => {
    requests.push(new URL(request.url))
  })
  return { ...mock, requests }
}

/**
 * One test file's harness: the fake Graph listening (unhandled requests fail the test), a layout for the
 * virtualiser and Fluent's positioning, and a clean slate (handlers, scenario, request log, storage) per test.
 */
export function setupPageTests() {
  const graph = startFakeGraph()
  let restoreLayout: () => void = () => {}
  beforeAll(() => {
    graph.server.listen({ onUnhandledRequest: 'error' })
    restoreLayout = fakeLayout()
  })
  afterEach(() => {
    graph.server.resetHandlers()
    graph.scenarios.set('none')
    graph.requests.length = 0
    window.localStorage.clear()
  })
  afterAll(() => {
    graph.server.close()
    restoreLayout()
  })
  return graph
}

/** jsdom has no layout: give scroll containers a size so the virtualiser renders rows. */
export function fakeLayout() {
  // @tanstack/virtual-core reads the scroll element's clientHeight/clientWidth.
  const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')
  const width = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth')
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 600 })
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 1200 })
  // Fluent's positioning marks a popover aria-hidden when its trigger has an empty (all-zero) rect.
  const rect = Element.prototype.getBoundingClientRect
  Element.prototype.getBoundingClientRect = () => DOMRect.fromRect({ x: 10, y: 10, width: 120, height: 24 })
  return () => {
    Element.prototype.getBoundingClientRect = rect
    if (height) Object.defineProperty(Element.prototype, 'clientHeight', height)
    if (width) Object.defineProperty(Element.prototype, 'clientWidth', width)
  }
}

/** `clock`: the app's "now" (default: always `testNow`), e.g. one that moves to test Refresh. */
export function renderPage(search = '', options: { clock?: () => Date } = {}) {
  window.history.replaceState(null, '', `/${search}`)
  const queryClient = createAppQueryClient()
  const source = createMockDataSource({ retry: { maxAttempts: 1 } })
  const clock = options.clock ?? (() => new Date(testNow))
  return render(<App dataSource={source} clock={clock} queryClient={queryClient} />)
}
