/**
 * Sign-in Status as the portal shows it (portal-ui.md §4.1): Graph has only `status.errorCode`.
 * 0 is Success; the interrupt codes are "pending user action"; everything else is Failure.
 */

export type SignInStatusLabel = 'Success' | 'Failure' | 'Interrupted'

/**
 * The 20 interrupt codes of Microsoft's own Sign-ins workbook (portal-ui.md §4.1, [D 27], [T 39]).
 * 50076, 50079, 50097 and 53000 are deliberately absent: no public list treats them as interrupts.
 */
export const INTERRUPT_CODES: readonly number[] = [
  16000, 16001, 16003, 50055, 50058, 50059, 50072, 50074, 50125, 50127, 50129, 50140, 50143, 50144, 51006,
  52004, 65001, 81010, 81012, 81014,
]

const interruptCodes = new Set(INTERRUPT_CODES)

export function statusOfErrorCode(errorCode: number): SignInStatusLabel {
  if (errorCode === 0) return 'Success'
  return interruptCodes.has(errorCode) ? 'Interrupted' : 'Failure'
}

export function statusOf(record: { status: { errorCode: number } }): SignInStatusLabel {
  return statusOfErrorCode(record.status.errorCode)
}
