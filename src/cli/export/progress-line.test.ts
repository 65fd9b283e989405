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
  )
  expect(line).toBe(
    'interactive 1,500 done | non-interactive 12,000 (12 pages) | 450 records/s of 476 | 2 waits (14 s)',
  )
})
