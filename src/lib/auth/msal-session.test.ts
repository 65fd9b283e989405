import type { AccountInfo, Configuration, IPublicClientApplication } from '@azure/msal-browser'
import {
  authorityFor,
  graphSignInLogScopes,
  msalConfiguration,
  signInWithMsal,
  type MsalModule,
} from './msal-session.ts'

class FakeInteractionRequired extends Error {}

const account: AccountInfo = {
  homeAccountId: 'oid.tid',
  environment: 'login.microsoftonline.com',
  tenantId: 'tid',
  username: 'adele.vance@contoso.example',
  localAccountId: 'oid',
  name: 'Adele Vance',
}

/**
 * Stands in for @azure/msal-browser's PublicClientApplication: a real one needs a browser popup and Entra.
 * It records calls so the tests can check the order silent → popup.
 */
function fakeMsal(silent: () => Promise<string>) {
  const calls: string[] = []
  const configurations: Configuration[] = []
  const application = {
    loginPopup: async (request: { scopes: string[] }) => {
      calls.push(`loginPopup ${request.scopes.join(' ')}`)
      return { account, accessToken: 'login-token' }
    },
    setActiveAccount: (a: AccountInfo | null) => calls.push(`setActiveAccount ${a?.username ?? 'null'}`),
    acquireTokenSilent: async () => {
      calls.push('acquireTokenSilent')
      return { accessToken: await silent() }
    },
    acquireTokenPopup: async () => {
      calls.push('acquireTokenPopup')
      return { accessToken: 'popup-token' }
    },
    clearCache: async () => {
      calls.push('clearCache')
    },
  }
  const module: MsalModule = {
    createStandardPublicClientApplication: async (configuration) => {
      configurations.push(configuration)
      return application as unknown as IPublicClientApplication
    },
    InteractionRequiredAuthError: FakeInteractionRequired,
  }
  return { module, calls, configurations }
}

test('configuration: memory-only cache, tenant authority, legacy popup polling with the origin check kept on', () => {
  const config = msalConfiguration({
    clientId: ' 11111111-1111-1111-1111-111111111111 ',
    tenantId: 'contoso.onmicrosoft.com',
  })
  expect(config.cache).toEqual({ cacheLocation: 'memoryStorage' })
  expect(config.auth).toMatchObject({
    clientId: '11111111-1111-1111-1111-111111111111',
    authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
    redirectUri: window.location.origin,
    // Legacy polling would otherwise default it to false (MSAL 5 buildConfiguration).
    originCheck: true,
  })
  expect(config.system).toEqual({ enableLegacyPolling: true })
  expect(authorityFor('')).toBe('https://login.microsoftonline.com/organizations')
})

test('signs in with the sign-in log scopes, then gets tokens silently', async () => {
  const { module, calls, configurations } = fakeMsal(async () => 'silent-token')
  const session = await signInWithMsal({ clientId: 'client-a', tenantId: 'tenant-a' }, async () => module)
  expect(session.account).toEqual({
    username: 'adele.vance@contoso.example',
    name: 'Adele Vance',
    tenantId: 'tid',
    homeAccountId: 'oid.tid',
  })
  await expect(session.getAccessToken()).resolves.toBe('silent-token')
  expect(calls).toEqual([
    `loginPopup ${graphSignInLogScopes.join(' ')}`,
    'setActiveAccount adele.vance@contoso.example',
    'acquireTokenSilent',
  ])
  expect(configurations).toHaveLength(1)
})

test('falls back to a popup only when Entra requires interaction', async () => {
  let failWith: Error = new FakeInteractionRequired('interaction_required')
  const { module, calls } = fakeMsal(async () => {
    throw failWith
  })
  const session = await signInWithMsal({ clientId: 'client-b', tenantId: 'tenant-b' }, async () => module)
  await expect(session.getAccessToken()).resolves.toBe('popup-token')
  expect(calls.slice(-2)).toEqual(['acquireTokenSilent', 'acquireTokenPopup'])
  failWith = new Error('network_error')
  await expect(session.getAccessToken()).rejects.toThrow('network_error')
  expect(calls.at(-1)).toBe('acquireTokenSilent')
})

test('sign-out clears the in-memory cache; a missing client id is refused before loading MSAL', async () => {
  const { module, calls } = fakeMsal(async () => 'silent-token')
  const session = await signInWithMsal({ clientId: 'client-c', tenantId: '' }, async () => module)
  await session.signOut()
  expect(calls.slice(-2)).toEqual(['clearCache', 'setActiveAccount null'])
  const load = vi.fn(async () => module)
  await expect(signInWithMsal({ clientId: '  ', tenantId: '' }, load)).rejects.toThrow(
    'application (client) ID',
  )
  expect(load).not.toHaveBeenCalled()
})
