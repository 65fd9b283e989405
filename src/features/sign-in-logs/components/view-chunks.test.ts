import { describe, expect, it, vi } from 'vitest'
import { preloadTabView, preloadTabViewsWhenIdle } from './view-chunks.ts'

function fakeLoaders() {
  return {
    grouped: vi.fn(() => Promise.resolve({} as never)),
    all: vi.fn(() => Promise.resolve({} as never)),
  }
}

describe('preloadTabView (the page’s first script starts the opened tab’s view)', () => {
  it.each(['?tab=non-interactive', '?tab=service-principal', '?tab=managed-identity&range=7d'])(
    'loads the grouped view for %s',
    (search) => {
      const loaders = fakeLoaders()
      preloadTabView(search, loaders)
      expect(loaders.grouped).toHaveBeenCalledOnce()
      expect(loaders.all).not.toHaveBeenCalled()
    },
  )

  it('loads the All sign-ins view for ?tab=all', () => {
    const loaders = fakeLoaders()
    preloadTabView('?tab=all', loaders)
    expect(loaders.all).toHaveBeenCalledOnce()
    expect(loaders.grouped).not.toHaveBeenCalled()
  })

  it.each(['', '?tab=interactive', '?tab=bogus'])(
    'loads nothing for %j (the flat grid is in the first-screen chunk)',
    (search) => {
      const loaders = fakeLoaders()
      preloadTabView(search, loaders)
      expect(loaders.grouped).not.toHaveBeenCalled()
      expect(loaders.all).not.toHaveBeenCalled()
    },
  )

  it('swallows a failed load: the lazy view loads again and shows the failure', async () => {
    const failing = { grouped: vi.fn(() => Promise.reject(new Error('offline'))), all: vi.fn() }
    await expect(preloadTabView('?tab=non-interactive', failing as never)).resolves.toBeUndefined()
    expect(failing.grouped).toHaveBeenCalledOnce()
  })

  it('settles once the view is in, so the first render can wait for it', async () => {
    let arrive: (module: never) => void = () => undefined
    const loaders = {
      grouped: vi.fn(() => new Promise<never>((resolve) => (arrive = resolve))),
      all: vi.fn(),
    }
    let settled = false
    void preloadTabView('?tab=service-principal', loaders).then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    arrive({} as never)
    await vi.waitFor(() => expect(settled).toBe(true))
  })

  it('settles at once for a tab whose view is in the first-screen chunk', async () => {
    await expect(preloadTabView('?tab=interactive', fakeLoaders())).resolves.toBeUndefined()
  })
})

describe('preloadTabViewsWhenIdle (opened files load the tab views ahead of the first click)', () => {
  it('loads every view that loads with its tab, once the browser is idle', () => {
    const loaders = fakeLoaders()
    let idle: (() => void) | null = null
    preloadTabViewsWhenIdle((run) => {
      idle = run
      return () => {}
    }, loaders)
    expect(loaders.grouped).not.toHaveBeenCalled()
    idle!()
    expect(loaders.grouped).toHaveBeenCalledOnce()
    expect(loaders.all).toHaveBeenCalledOnce()
  })

  it('loads nothing once cancelled, and swallows a failed load', async () => {
    const cancelled = fakeLoaders()
    const stop = preloadTabViewsWhenIdle((run) => {
      const timer = setTimeout(run, 0)
      return () => clearTimeout(timer)
    }, cancelled)
    stop()
    await new Promise((settle) => setTimeout(settle, 0))
    expect(cancelled.grouped).not.toHaveBeenCalled()

    const failing = {
      grouped: vi.fn(() => Promise.reject(new Error('offline'))),
      all: vi.fn(() => Promise.resolve()),
    }
    preloadTabViewsWhenIdle((run) => (run(), () => {}), failing as never)
    await Promise.resolve()
    expect(failing.grouped).toHaveBeenCalledOnce()
  })
})
