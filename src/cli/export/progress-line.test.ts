import { formatProgressLine } from './progress-line.ts'

test('the progress line shows each type, the rate against the budget ceiling, and the Retry-After waits', () => {
  const line = formatProgressLine(
    {
      exportId: 'e',
      records: 13_500,
      elapsedMs: 30_000,
      recordsPerSecond: 450,
      types: [
        {
          type: 'interactive',
          done: true,
          records: 1_500,
          pages: 2,
          restarts: 0,
          wait: null,
          waits: 0,
          waitedSeconds: 0,
          recordsPerSecond: 50,
          lastCreatedDateTime: '2026-11-01T00:00:00Z',
        },
        {
          type: 'non-interactive',
          done: false,
          records: 12_000,
          pages: 12,
          restarts: 0,
          wait: null,
          waits: 2,
          waitedSeconds: 14.2,
          recordsPerSecond: 400,
          lastCreatedDateTime: '2026-11-20T00:00:00Z',
        },
      ],
    },
    { maxRequests: 5, windowMs: 10_500 },
    // Non-interactive has covered the newest 10 of 30 days: about 24,000 more records at 400/s.
    { from: '2026-10-31T00:00:00Z', to: '2026-11-30T00:00:00Z' },
  )
  expect(line).toBe(
    'interactive 1,500 done | non-interactive 12,000 (12 pages, ~1 min 0 s left) | 450 records/s of 476 | 2 waits (14 s)',
  )
})

test('time left is unknown before a type has a rate', () => {
  const line = formatProgressLine(
    {
      exportId: 'e',
      records: 0,
      elapsedMs: 100,
      recordsPerSecond: null,
      types: [
        {
          type: 'service-principal',
          done: false,
          records: 0,
          pages: 0,
          restarts: 0,
          wait: null,
          waits: 0,
          waitedSeconds: 0,
          recordsPerSecond: null,
          lastCreatedDateTime: null,
        },
      ],
    },
    { maxRequests: 5, windowMs: 10_500 },
    { from: '2026-11-01T00:00:00Z', to: '2026-11-30T00:00:00Z' },
  )
  expect(line).toBe('service-principal 0 (0 pages, time left unknown) | – records/s of 476 | 0 waits (0 s)')
})
