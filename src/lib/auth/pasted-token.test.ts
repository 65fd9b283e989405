import { holdPastedToken } from './pasted-token.ts'

test('accepts a bare token, a Bearer header or a quoted JSON value', async () => {
  for (const input of [
    'abc.def.ghi',
    '  Bearer abc.def.ghi\n',
    'Authorization: Bearer abc.def.ghi',
    '"abc.def.ghi"',
  ]) {
    const result = holdPastedToken(input)
    if (!result.ok) throw new Error(result.problem)
    await expect(result.token.getAccessToken()).resolves.toBe('abc.def.ghi')
  }
})

test('refuses empty input, embedded whitespace and non-ASCII', () => {
  expect(holdPastedToken('   ')).toEqual({ ok: false, problem: 'Paste an access token for Microsoft Graph.' })
  expect(holdPastedToken('abc def')).toMatchObject({
    ok: false,
    problem: expect.stringContaining('no spaces'),
  })
  expect(holdPastedToken('abc…')).toMatchObject({ ok: false, problem: expect.stringContaining('ASCII') })
})

test('clear() forgets the token; the description never contains it', async () => {
  const result = holdPastedToken('opaque-token-value')
  if (!result.ok) throw new Error(result.problem)
  expect(JSON.stringify(result.token.description)).not.toContain('opaque-token-value')
  result.token.clear()
  await expect(result.token.getAccessToken()).rejects.toThrow('Paste a new token or sign in')
})
