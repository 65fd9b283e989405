import { formatSignInDate, toDateTimeInput } from './format-date.ts'

test('UTC cells use the portal pattern with a 12-hour clock and say UTC', () => {
  expect(formatSignInDate('2026-11-30T23:05:09Z', 'utc')).toBe('11/30/2026, 11:05:09 PM UTC')
  expect(formatSignInDate('2026-01-02T00:00:00.1234567Z', 'utc')).toBe('1/2/2026, 12:00:00 AM UTC')
  expect(formatSignInDate('2026-07-04T12:30:00Z', 'utc')).toBe('7/4/2026, 12:30:00 PM UTC')
})

test('local cells follow the browser clock, without a zone suffix', () => {
  const iso = '2026-11-30T23:05:09Z'
  const date = new Date(iso)
  const hour12 = date.getHours() % 12 === 0 ? 12 : date.getHours() % 12
  expect(formatSignInDate(iso, 'local')).toBe(
    `${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()}, ${hour12}:05:09 ${date.getHours() < 12 ? 'AM' : 'PM'}`,
  )
})

test('empty and unparseable values are shown as they are', () => {
  expect(formatSignInDate(null, 'utc')).toBe('')
  expect(formatSignInDate('', 'local')).toBe('')
  expect(formatSignInDate('not a date', 'utc')).toBe('not a date')
})

test('Start/End inputs show the wall time of the chosen zone', () => {
  expect(toDateTimeInput(new Date('2026-03-09T07:04:00Z'), 'utc')).toBe('2026-03-09 07:04')
})
