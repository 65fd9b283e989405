import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { FileLogTypes, FilesSummary } from './FilesStatus.tsx'

const summary = (file: string, logType: 'interactiveUser' | null) => ({
  file,
  format: 'portal-csv' as const,
  logType,
  records: 2,
  issues: [{ file, line: 3, reason: 'the row has 2 cells where the header has 3' }],
})

test('the user corrects a file’s detected log type', async () => {
  const onChange = vi.fn()
  render(
    <FileLogTypes
      summaries={[summary('renamed.csv', null), summary('a.csv', 'interactiveUser')]}
      onChange={onChange}
    />,
  )
  const renamed = screen.getByRole('combobox', { name: 'Log type of renamed.csv' })
  expect(renamed).toHaveProperty('value', '')
  expect(screen.getByRole('combobox', { name: 'Log type of a.csv' })).toHaveProperty(
    'value',
    'interactiveUser',
  )
  await userEvent.selectOptions(renamed, 'User sign-ins (non-interactive)')
  expect(onChange).toHaveBeenCalledWith('renamed.csv', 'nonInteractiveUser')
})

test('the summary names every problem by file and line, and says the files stay in the browser', () => {
  render(
    <FilesSummary
      files={{
        summaries: [summary('a.csv', 'interactiveUser')],
        span: { oldest: '2026-11-01T00:00:00.000Z', newest: '2026-11-20T00:00:00.000Z' },
        sourceOf: async () => null,
      }}
    />,
  )
  expect(screen.getByRole('status').textContent).toMatch(
    /2 sign-ins from 1 file, 2026-11-01.*never leave this browser/,
  )
  expect(screen.getByRole('list', { name: 'Problems in the opened files' }).textContent).toBe(
    'a.csv, line 3: the row has 2 cells where the header has 3',
  )
})
