import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => cleanup())

// findBy*/waitFor give up after 1 s by default; vitest runs files in parallel on a 2-core runner, where a fake
// Graph answer plus a render can take longer. This bounds a wait, it does not time anything.
configure({ asyncUtilTimeout: 5_000 })

// Tabster (Fluent's focus manager) treats `offsetParent === null` as display:none, and jsdom, having no layout,
// always answers null. Tabster then finds nothing focusable in an opened dialog or popover, never moves focus
// into it, and its modalizer hides the open surface itself (aria-hidden), so role queries raced it.
// (Files that run in the node environment have no DOM to patch.)
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return this.hidden ? null : this.parentElement
    },
  })
}
