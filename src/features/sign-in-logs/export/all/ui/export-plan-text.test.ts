import { timeLeftText, typeProgressText, typeSecondsLeft } from './export-plan-text.ts'

const range = { from: '2026-11-19T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z' }
const running = {
  done: false,
  records: 3_000,
  pages: 3,
  waits: 0,
  waitedSeconds: 0,
  wait: null,
  recordsPerSecond: 100,
}

test('time left extrapolates the records so far over the part of the range not yet covered', () => {
  // 6 of 24 hours covered with 3,000 records: about 12,000 in all, 9,000 to go at 100 records/s.
  expect(typeSecondsLeft({ ...running, lastCreatedDateTime: '2026-11-20T06:00:00Z' }, range)).toBeCloseTo(90)
  expect(typeProgressText({ ...running, lastCreatedDateTime: '2026-11-20T06:00:00Z' }, range)).toBe(
    '3,000 records, 3 pages, 100 records/s, about 1 min 30 s left',
  )
})

test('says "unknown" when there is no speed or nothing of the range is covered yet', () => {
  expect(
    typeSecondsLeft(
      { ...running, recordsPerSecond: null, lastCreatedDateTime: '2026-11-20T06:00:00Z' },
      range,
    ),
  ).toBeNull()
  expect(typeSecondsLeft({ ...running, lastCreatedDateTime: null }, range)).toBeNull()
  expect(typeSecondsLeft({ ...running, lastCreatedDateTime: range.to }, range)).toBeNull()
  expect(
    typeSecondsLeft({ ...running, records: 0, lastCreatedDateTime: '2026-11-20T06:00:00Z' }, range),
  ).toBeNull()
  expect(timeLeftText(null)).toBe('time left unknown')
  expect(typeProgressText({ ...running, recordsPerSecond: null, lastCreatedDateTime: null }, range)).toBe(
    '3,000 records, 3 pages, time left unknown',
  )
})

test('a finished type has nothing left, and a stopped job says no time at all', () => {
  expect(typeSecondsLeft({ ...running, done: true, lastCreatedDateTime: range.from }, range)).toBe(0)
  expect(typeProgressText({ ...running, done: true, lastCreatedDateTime: range.from }, range)).toBe(
    '3,000 records, 3 pages, done',
  )
  expect(typeProgressText({ ...running, lastCreatedDateTime: '2026-11-20T06:00:00Z' })).toBe(
    '3,000 records, 3 pages',
  )
})
