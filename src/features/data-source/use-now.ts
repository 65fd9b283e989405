import { useEffect, useState } from 'react'

/** The current time, refreshed every `intervalMs` (for "expires in 12 min" and countdowns). */
export function useNow(intervalMs: number, enabled = true): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    if (!enabled) return
    const timer = setInterval(() => setNow(new Date()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs, enabled])
  return now
}
