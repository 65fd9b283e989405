import { isFramed, showFramedNotice } from './refuse-framing.ts'

test('a top-level window is not framed; a window whose top is another window is', () => {
  expect(isFramed(window)).toBe(false)
  const framed = { self: {}, top: {} } as unknown as Window
  expect(isFramed(framed)).toBe(true)
})

test('a window whose top cannot be read counts as framed', () => {
  const sandboxed = {
    self: {},
    get top(): Window {
      throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError')
    },
  } as unknown as Window
  expect(isFramed(sandboxed)).toBe(true)
})

test('the notice replaces the page and offers the app in its own tab', () => {
  const root = document.createElement('div')
  root.innerHTML = '<p>app</p>'
  showFramedNotice(root, window)
  expect(root.querySelector('h1')?.textContent).toBe('Sign-in Logs Studio cannot run inside a frame')
  expect(root.querySelector('p')?.textContent).not.toBe('app')
  const link = root.querySelector('a')
  expect(link?.href).toBe(window.location.href)
  expect(link?.target).toBe('_blank')
  expect(link?.rel).toBe('noopener noreferrer')
})
