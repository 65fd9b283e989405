import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => cleanup())

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
