/**
 * The app refuses to run inside a frame: another site could overlay it (clickjacking) or start a sign-in under its
 * own page. The `frame-ancestors` header stops other sites' frames where the host sends it; this check is the
 * fallback for hosts that cannot send headers (a meta CSP cannot carry frame-ancestors).
 *
 * Same-origin frames are refused too: the only one expected is MSAL's hidden silent-renewal iframe, which lands on
 * our origin only so its parent can read the response from the URL, and needs no app running inside it.
 */
export function isFramed(win: Window): boolean {
  try {
    return win.top !== win.self
  } catch {
    // Some browsers throw on reading `top` from a sandboxed cross-origin frame: that is a frame too.
    return true
  }
}

/** Replaces the page with a short explanation and a way out of the frame. */
export function showFramedNotice(root: HTMLElement, win: Window): void {
  const heading = win.document.createElement('h1')
  heading.textContent = 'Sign-in Logs Studio cannot run inside a frame'
  const text = win.document.createElement('p')
  text.textContent = 'To protect your sign-in, this app only runs in its own browser tab. '
  const link = win.document.createElement('a')
  link.href = win.location.href
  link.target = '_blank'
  link.rel = 'noopener noreferrer'
  link.textContent = 'Open Sign-in Logs Studio in a new tab'
  text.append(link)
  const main = win.document.createElement('main')
  main.append(heading, text)
  root.replaceChildren(main)
}
