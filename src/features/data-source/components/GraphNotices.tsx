import { useEffect, useState } from 'react'
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components'
import type { RateLimiter } from '../rate-limited-fetch.ts'

export interface TokenProblem {
  reason: 'rejected' | 'expired'
  requestId: string | null
}

/** 401 from Graph, or a pasted token whose exp has passed: say so and offer the two ways out (graph-api.md §4.2). */
export function TokenProblemBar(props: {
  problem: TokenProblem
  canSignIn: boolean
  onPaste: () => void
  onSignIn: () => void
}) {
  const { problem } = props
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {problem.reason === 'expired'
            ? 'Your access token has expired'
            : 'Microsoft Graph did not accept the access token'}
        </MessageBarTitle>
        {problem.reason === 'expired'
          ? 'Graph will answer 401 until you use a new one.'
          : 'It has expired, or it was issued for another service than Microsoft Graph (wrong audience).'}{' '}
        Paste a new token or sign in again.
        {problem.requestId && ` Request ID: ${problem.requestId}`}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onPaste}>Paste a new token</Button>
        <Button onClick={props.onSignIn}>{props.canSignIn ? 'Sign in again' : 'Sign in'}</Button>
      </MessageBarActions>
    </MessageBar>
  )
}

/** "Waiting 6 s …" while the client-side limiter holds requests back (graph-api.md §4.3). */
export function useLimiterWait(limiter: RateLimiter | null): number {
  const [until, setUntil] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!limiter) return
    return limiter.onDelay((ms) => {
      const at = Date.now()
      setNow(at)
      setUntil(at + ms)
    })
  }, [limiter])
  useEffect(() => {
    if (until <= Date.now()) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [until])
  return Math.max(0, Math.ceil((until - now) / 1000))
}

export function LimiterWaitText({ seconds }: { seconds: number }) {
  return (
    <output aria-live="polite">
      <Text size={200}>
        {seconds > 0
          ? `Waiting ${seconds} s to stay under Microsoft Graph's limit of 5 requests per 10 seconds.`
          : ''}
      </Text>
    </output>
  )
}

/** The CSP of this build lets tokens go only to listed origins (vite-plugins/csp.ts); explain a blocked base URL. */
export function useCspBlockedOrigin(baseUrl: string | null): string | null {
  const [blocked, setBlocked] = useState<{ baseUrl: string; origin: string } | null>(null)
  useEffect(() => {
    if (!baseUrl) return
    const origin = new URL(baseUrl).origin
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.effectiveDirective === 'connect-src' && event.blockedURI.startsWith(origin)) {
        setBlocked({ baseUrl, origin })
      }
    }
    document.addEventListener('securitypolicyviolation', onViolation)
    return () => document.removeEventListener('securitypolicyviolation', onViolation)
  }, [baseUrl])
  // A violation seen for an earlier base URL says nothing about the current one.
  return blocked && blocked.baseUrl === baseUrl ? blocked.origin : null
}

export function CspBlockedBar({ origin }: { origin: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This build does not allow connecting to {origin}</MessageBarTitle>
        Its Content-Security-Policy lets the page talk only to Microsoft Graph, Microsoft sign-in and the
        Graph base URL set when it was built. Use https://graph.microsoft.com, or rebuild with
        VITE_GRAPH_BASE_URL={origin}.
      </MessageBarBody>
    </MessageBar>
  )
}
