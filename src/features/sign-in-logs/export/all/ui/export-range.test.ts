import { defaultCustomRange, resolveExportRange } from './export-range.ts'

const NOW = new Date('2026-11-20T12:00:00Z')

test('presets count back from now', () => {
  expect(resolveExportRange('7d', { start: '', end: '' }, 'utc', NOW)).toEqual({
    from: new Date('2026-11-13T12:00:00Z'),
    to: NOW,
  })
})

test('a custom range is read in the "Show dates as" zone, offsets win', () => {
  expect(
    resolveExportRange('custom', { start: '2026-11-01 08:00', end: '2026-11-02T10:00:00+01:00' }, 'utc', NOW),
  ).toEqual({
    from: new Date('2026-11-01T08:00:00Z'),
    to: new Date('2026-11-02T09:00:00Z'),
  })
  expect(defaultCustomRange(NOW, 'utc')).toEqual({ start: '2026-11-19 12:00', end: '2026-11-20 12:00' })
})

test('each impossible custom range names the field to change and why', () => {
  const custom = (start: string, end: string) => resolveExportRange('custom', { start, end }, 'utc', NOW)
  expect(custom('yesterday', '2026-11-20 10:00')).toEqual({
    field: 'start',
    message: 'Enter the start as a date and time, e.g. 2026-11-20 12:00.',
  })
  expect(custom('2026-11-19 10:00', '')).toMatchObject({ field: 'end', message: /Enter the end/ })
  expect(custom('2026-10-01 00:00', '2026-11-20 10:00')).toEqual({
    field: 'start',
    message: 'Graph keeps sign-ins for 30 days: start on or after 2026-10-21 12:00.',
  })
  expect(custom('2026-11-19 10:00', '2026-11-21 00:00')).toEqual({
    field: 'end',
    message: 'The end is in the future: end at 2026-11-20 12:00 or earlier.',
  })
  expect(custom('2026-11-19 10:00', '2026-11-19 10:00')).toEqual({
    field: 'end',
    message: 'The end must be after the start.',
  })
})
