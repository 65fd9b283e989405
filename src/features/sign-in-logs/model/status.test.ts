import { INTERRUPT_CODES, statusOf } from './status.ts'

test('errorCode 0 is Success', () => expect(statusOf({ status: { errorCode: 0 } })).toBe('Success'))

test.each([16000, 50055, 50058, 50072, 50074, 50125, 50140, 50144, 51006, 52004, 65001, 81014])(
  '%i is Interrupted',
  (errorCode) => expect(statusOf({ status: { errorCode } })).toBe('Interrupted'),
)

test.each([50126, 50076, 50079, 50097, 53000, 53003, 500121, 7000215, -1])('%i is Failure', (errorCode) =>
  expect(statusOf({ status: { errorCode } })).toBe('Failure'),
)

test('the interrupt list is the 20 codes of portal-ui.md §4.1', () => {
  expect(INTERRUPT_CODES).toHaveLength(20)
  expect(new Set(INTERRUPT_CODES).size).toBe(20)
})
