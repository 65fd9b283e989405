import type { TokenValidity } from '../../lib/auth/access-token-claims.ts'

function clock(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 120) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** "Token expires at 14:05 (in 42 min)", "Token expired at 13:10", "Token expiry unknown" */
export function describeTokenExpiry(validity: TokenValidity): string {
  switch (validity.state) {
    case 'unknown':
      return 'Token expiry unknown (not a readable JWT)'
    case 'not-yet-valid':
      return `Token not valid before ${clock(validity.notBefore)}`
    case 'expired':
      return `Token expired at ${clock(validity.expiresAt)}`
    case 'valid':
      return `Token expires at ${clock(validity.expiresAt)} (in ${duration(validity.secondsLeft)})`
  }
}
