import {
  defaultGraphBaseUrl,
  graphSettingsStorageKey,
  loadGraphSettings,
  normaliseGraphBaseUrl,
  saveGraphSettings,
  validateGraphSettings,
} from './graph-settings.ts'

const defaults = { clientId: '', tenantId: '', graphBaseUrl: defaultGraphBaseUrl }
const guid = '11111111-2222-3333-4444-555555555555'

afterEach(() => localStorage.clear())

test('base URL: https anywhere, http only on loopback, trailing slash dropped', () => {
  expect(normaliseGraphBaseUrl('https://graph.microsoft.com/')).toEqual({
    url: 'https://graph.microsoft.com',
  })
  expect(normaliseGraphBaseUrl(' http://127.0.0.1:4010 ')).toEqual({ url: 'http://127.0.0.1:4010' })
  expect(normaliseGraphBaseUrl('http://localhost:4010/proxy/')).toEqual({
    url: 'http://localhost:4010/proxy',
  })
  expect(normaliseGraphBaseUrl('')).toEqual({ url: defaultGraphBaseUrl })
  expect(normaliseGraphBaseUrl('http://[::1]:4010')).toEqual({ url: 'http://[::1]:4010' })
  expect(normaliseGraphBaseUrl('http://graph.example.com')).toMatchObject({
    problem: expect.stringContaining('https'),
  })
  expect(normaliseGraphBaseUrl('http://127.0.0.1.evil.example')).toMatchObject({
    problem: expect.stringContaining('https'),
  })
  expect(normaliseGraphBaseUrl('javascript:alert(1)')).toMatchObject({ problem: 'Use an https URL.' })
  expect(normaliseGraphBaseUrl('https://u:p@graph.microsoft.com')).toMatchObject({
    problem: expect.stringContaining('password'),
  })
  expect(normaliseGraphBaseUrl('https://graph.microsoft.com/?x=1')).toMatchObject({
    problem: expect.stringContaining('query'),
  })
  expect(normaliseGraphBaseUrl('graph.microsoft.com')).toMatchObject({
    problem: expect.stringContaining('full URL'),
  })
})

test('client id must be a GUID; tenant a GUID, a domain or organizations', () => {
  expect(
    validateGraphSettings({ clientId: ` ${guid} `, tenantId: 'contoso.onmicrosoft.com', graphBaseUrl: '' }),
  ).toEqual({
    settings: { clientId: guid, tenantId: 'contoso.onmicrosoft.com', graphBaseUrl: defaultGraphBaseUrl },
    problems: {},
  })
  const bad = validateGraphSettings({ clientId: 'my-app', tenantId: 'not a tenant', graphBaseUrl: 'ftp://x' })
  expect(bad.settings).toBeNull()
  expect(Object.keys(bad.problems).sort()).toEqual(['clientId', 'graphBaseUrl', 'tenantId'])
})

test('saves exactly the three settings and loads them back; junk falls back to defaults', () => {
  const settings = { clientId: guid, tenantId: guid, graphBaseUrl: 'http://127.0.0.1:4010' }
  saveGraphSettings({ ...settings, token: 'secret' } as typeof settings)
  expect(JSON.parse(localStorage.getItem(graphSettingsStorageKey) ?? '')).toEqual(settings)
  expect(loadGraphSettings(defaults)).toEqual(settings)
  localStorage.setItem(graphSettingsStorageKey, '{not json')
  expect(loadGraphSettings(defaults)).toEqual(defaults)
  localStorage.setItem(
    graphSettingsStorageKey,
    JSON.stringify({ ...settings, graphBaseUrl: 'http://evil.example' }),
  )
  expect(loadGraphSettings(defaults)).toEqual(defaults)
  expect(loadGraphSettings(defaults, null)).toEqual(defaults)
})
