/**
 * The app's one notion of "now" for view logic (relative ranges, range validation, file names). The composition
 * root chooses it: the fake tenant's clock in mock mode, so "Last 24 hours" finds the tenant's sign-ins, and the
 * system clock against a real Graph. Everything else asks this provider, so the URL parser and the page can never
 * disagree about the date (issue #11, one clock).
 */
import { createContext, useContext, type ReactNode } from 'react'

export type Clock = () => Date

/** The real time; only the composition root and this default read it. */
export const systemClock: Clock = () => new Date()

const ClockContext = createContext<Clock>(systemClock)

export function ClockProvider(props: { clock: Clock; children: ReactNode }) {
  return <ClockContext.Provider value={props.clock}>{props.children}</ClockContext.Provider>
}

export function useClock(): Clock {
  return useContext(ClockContext)
}
