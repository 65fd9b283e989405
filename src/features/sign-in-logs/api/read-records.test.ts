import { createTenant } from '../../../../mocks/tenant/index.ts'
import { makeSignIn } from '../export/test-sign-in.ts'
import { leftOutDetail, leftOutSummary, readSignIn, readSignInPage, readSummaryPage } from './read-records.ts'

const NOW = new Date('2026-11-30T12:00:00Z')
const tenant = createTenant({ seed: 7, now: NOW, size: 'small' })
const summaries = tenant.summariesInWindow('nonInteractiveUser', 'h6', new Date('2026-11-30T06:00:00Z'))

function page(value: unknown[], requestId: string | null = 'req-1') {
  return { value, nextLink: 'https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=x', requestId }
}

describe('readSignInPage', () => {
  test('keeps well-formed records as they are, and the paging facts', async () => {
    const records = tenant.signInsInHour('interactiveUser', tenant.hourCount - 2).slice(0, 5)
    const checked = await readSignInPage(page(records))
    expect(checked.value).toEqual(records)
    expect(checked.leftOut).toEqual([])
    expect(checked.nextLink).toContain('$skiptoken=x')
    expect(checked.requestId).toBe('req-1')
  })

  test('lets properties we do not model and newer enum members through', async () => {
    const record = {
      ...makeSignIn(),
      someNewGraphProperty: { nested: true },
      riskLevelDuringSignIn: 'extreme',
      crossTenantAccessType: 'b2bCollaboration,someFutureAccess',
      status: { errorCode: 0, failureReason: null, additionalDetails: null, newDetail: 'x' },
    }
    const checked = await readSignInPage(page([record]))
    expect(checked.value).toEqual([record])
    expect(checked.leftOut).toEqual([])
  })

  test('leaves out records of the wrong shape, says why with the request id, and keeps the rest', async () => {
    const good = makeSignIn({ id: 'good-1' })
    const nullStatus = { ...makeSignIn({ id: 'bad-status' }), status: null }
    const badDate = makeSignIn({ id: 'bad-date', createdDateTime: 'yesterday' })
    const { location: _location, ...noLocation } = makeSignIn({ id: 'no-location' })
    const notAnObject = 42
    const checked = await readSignInPage(
      page([good, nullStatus, badDate, noLocation, notAnObject, { ...good, id: 'good-2' }], 'req-42'),
    )
    expect(checked.value.map((record) => record.id)).toEqual(['good-1', 'good-2'])
    expect(checked.leftOut).toEqual([
      {
        requestId: 'req-42',
        recordId: 'bad-status',
        position: 2,
        problems: ['status should be an object, not null'],
      },
      {
        requestId: 'req-42',
        recordId: 'bad-date',
        position: 3,
        problems: ['createdDateTime should be a date and time, not the text "yesterday"'],
      },
      { requestId: 'req-42', recordId: 'no-location', position: 4, problems: ['location is missing'] },
      {
        requestId: 'req-42',
        recordId: null,
        position: 5,
        problems: ['The record should be an object, not the number 42'],
      },
    ])
    expect(leftOutSummary(checked.leftOut.length, { one: 'sign-in', many: 'sign-ins' })).toBe(
      '4 sign-ins could not be read and are left out.',
    )
    expect(leftOutDetail(checked.leftOut[0]!)).toBe(
      'Record 2 (id bad-status), request ID req-42: status should be an object, not null.',
    )
  })

  test('reports a wrong type deep inside a record with its path', async () => {
    const record = makeSignIn({ id: 'deep' })
    const bad = {
      ...record,
      deviceDetail: null,
      authenticationDetails: [{ ...record.authenticationDetails[0]!, succeeded: 'yes' }],
    }
    const checked = await readSignInPage(page([bad]))
    expect(checked.value).toEqual([])
    expect(checked.leftOut[0]?.problems).toEqual([
      'authenticationDetails[0].succeeded should be true or false, not the text "yes"',
    ])
  })
})

describe('readSummaryPage', () => {
  test('leaves out a row whose aggregationDateTime is not a date, keeps the others', async () => {
    expect(summaries.length).toBeGreaterThan(2)
    const [first, second, ...rest] = summaries
    const bad = { ...second!, aggregationDateTime: 'not-a-date' }
    const checked = await readSummaryPage(page([first, bad, ...rest]))
    expect(checked.value).toEqual([first, ...rest])
    expect(checked.leftOut).toEqual([
      {
        requestId: 'req-1',
        recordId: second!.id,
        position: 2,
        problems: ['aggregationDateTime should be a date and time, not the text "not-a-date"'],
      },
    ])
  })
})

describe('readSignIn', () => {
  test('returns a well-formed sign-in; a malformed one is an error that says what is wrong', async () => {
    const record = makeSignIn()
    await expect(readSignIn(record)).resolves.toBe(record)
    await expect(readSignIn({ ...record, status: null }, 'req-9')).rejects.toMatchObject({
      userMessage: expect.stringMatching(/status should be an object, not null.*req-9/),
    })
  })
})
