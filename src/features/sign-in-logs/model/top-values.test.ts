import { makeSignIn } from '../export/test-sign-in.ts'
import { tabById } from './tabs.ts'
import { topValueColumnsFor, type TopValueRow } from './top-value-columns.ts'
import { BLANK_TEXT, topValues } from './top-values.ts'

const fail = { errorCode: 50126, failureReason: 'Invalid password', additionalDetails: null }
const ok = { errorCode: 0, failureReason: null, additionalDetails: null }
const signIns: TopValueRow[] = [
  makeSignIn({ appDisplayName: 'Microsoft Teams', status: ok }),
  makeSignIn({ appDisplayName: 'Microsoft Teams', status: fail }),
  makeSignIn({ appDisplayName: 'Azure Portal', status: fail }),
  makeSignIn({ appDisplayName: 'Outlook', status: ok, conditionalAccessStatus: 'notApplied' }),
  makeSignIn({ appDisplayName: null, status: fail, conditionalAccessStatus: 'failure' }),
].map((signIn) => ({ kind: 'signIn', signIn }))

const column = (id: string, tab = tabById('interactive')) => {
  const found = topValueColumnsFor(tab).find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no column ${id}`)
  return found
}

test('counts and shares, most frequent first, ties by text, blanks counted', () => {
  const result = topValues(signIns, column('appDisplayName').reader)
  expect(result.total).toBe(5)
  expect(result.distinct).toBe(4)
  expect(result.values.map(({ text, count, share }) => [text, count, share])).toEqual([
    ['Microsoft Teams', 2, 0.4],
    [BLANK_TEXT, 1, 0.2],
    ['Azure Portal', 1, 0.2],
    ['Outlook', 1, 0.2],
  ])
  expect(result.values[0]?.filterValue).toBe('Microsoft Teams')
  expect(result.values[1]?.filterValue).toBeNull()
})

test('display text is shown, the pill takes the filter value (an enum member)', () => {
  const result = topValues(signIns, column('conditionalAccessStatus').reader)
  const notApplied = result.values.find((value) => value.filterValue === 'notApplied')
  expect(notApplied?.text).toBe('Not Applied')
  expect(column('status').filterField).toBe('status')
  expect(topValues(signIns, column('status').reader).values[0]).toMatchObject({
    text: 'Failure',
    filterValue: 'Failure',
    count: 3,
  })
})

test('only the ten most frequent are listed; the total still counts every row', () => {
  const many = Array.from({ length: 14 }, (_, index) => index)
  const result = topValues(many, { text: (n) => `v${n % 12}` })
  expect(result.values).toHaveLength(10)
  expect(result.total).toBe(14)
  expect(result.values.slice(0, 2).map((value) => value.count)).toEqual([2, 2])
})

test('on grouped tabs a summary row weighs its signInCount', () => {
  const summary = (userPrincipalName: string, signInCount: number) =>
    ({
      kind: 'summary',
      summary: { userPrincipalName, signInCount, status: ok },
    }) as unknown as TopValueRow
  const user = column('user', tabById('non-interactive'))
  const result = topValues([summary('a@x', 5), summary('b@x', 30), summary('a@x', 1)], user.reader)
  expect(result.values.map((value) => [value.text, value.count])).toEqual([
    ['b@x', 30],
    ['a@x', 6],
  ])
  expect(result.total).toBe(36)
  expect(user.filterField).toBe('user')
})

test('columns without a filter on the tab offer none', () => {
  expect(column('userAgent').filterField).toBeNull()
  expect(topValues(signIns, column('userAgent').reader).values[0]?.filterValue).toBeNull()
})
