/**
 * Sign-in with Microsoft Entra ID through MSAL.js (authorization code flow with PKCE; MSAL does the PKCE).
 *
 * - MSAL is loaded with a dynamic import, only when someone signs in, so it is not in the first-screen bundle.
 * - `cacheLocation: 'memoryStorage'`: tokens live in this tab's memory only and never touch localStorage,
 *   sessionStorage, cookies or IndexedDB. The price: a reload (or a new tab) forgets the sign-in and the user
 *   signs in again (usually one click, since Entra's own session cookie on login.microsoftonline.com remains).
 *   MSAL still keeps short-lived *interaction* state (PKCE verifier, state, nonce) in sessionStorage while a
 *   popup is open and removes it afterwards; that is not a token and cannot call Graph.
 * - Popup, not redirect: the page (and the pasted filters in its URL) stays put. MSAL 5 normally needs a bridge
 *   page that broadcasts the response; `enableLegacyPolling` instead lets this window read the popup's URL once
 *   it is back on our origin (redirect URI = the app's origin, registered as an SPA redirect URI).
 * - `originCheck: true`: legacy polling turns MSAL's popup origin check off by default, which tells Entra that no
 *   untrusted window can reach the popup even when one can (a cross-origin opener, or the app framed by another
 *   site). With the check on, MSAL vouches for that only when it holds, so in those settings Entra keeps its
 *   Cross-Origin-Opener-Policy on the popup and sign-in fails closed instead of exposing the popup. (MSAL logs a
 *   warning about the combination; its logger is off, see below.) The app also refuses to run in a frame.
 * - Tokens: `acquireTokenSilent` first (memory cache, then refresh token, then hidden iframe to
 *   login.microsoftonline.com — which is why the CSP allows that frame), and an interactive popup only when
 *   Entra says interaction is required.
 * - MSAL's logger is left off: its messages can carry account details.
 */
import type { AccountInfo, Configuration, IPublicClientApplication } from '@azure/msal-browser'

/** Delegated permissions for sign-in logs (graph-api.md §4.4): AuditLog.Read.All plus Directory.Read.All. */
export const graphSignInLogScopes: readonly string[] = [
  'https://graph.microsoft.com/AuditLog.Read.All',
  'https://graph.microsoft.com/Directory.Read.All',
]

export interface MsalSettings {
  clientId: string
  /** a tenant GUID or domain; empty = 'organizations' (work or school accounts; personal accounts cannot read logs) */
  tenantId: string
  /** must be registered on the app as an SPA redirect URI; defaults to the page's origin */
  redirectUri?: string
}

export interface SignedInAccount {
  username: string
  name: string | null
  tenantId: string
  homeAccountId: string
}

export interface MsalSession {
  readonly account: SignedInAccount
  /** silent first, interactive popup only when Entra requires it */
  getAccessToken(): Promise<string>
  /** forgets the account and its tokens in this tab (they were only ever in memory) */
  signOut(): Promise<void>
}

/** The parts of @azure/msal-browser this module uses; a parameter so tests can run without a browser popup. */
export interface MsalModule {
  createStandardPublicClientApplication(configuration: Configuration): Promise<IPublicClientApplication>
  InteractionRequiredAuthError: abstract new (...args: never[]) => Error
}

const loadMsalBrowser = (): Promise<MsalModule> => import('@azure/msal-browser')

export function authorityFor(tenantId: string): string {
  const tenant = tenantId.trim() || 'organizations'
  return `https://login.microsoftonline.com/${encodeURIComponent(tenant)}`
}

export function msalConfiguration(settings: MsalSettings): Configuration {
  return {
    auth: {
      clientId: settings.clientId.trim(),
      authority: authorityFor(settings.tenantId),
      redirectUri: settings.redirectUri ?? window.location.origin,
      postLogoutRedirectUri: null,
      originCheck: true,
    },
    cache: { cacheLocation: 'memoryStorage' },
    system: { enableLegacyPolling: true },
  }
}

const applications = new Map<string, Promise<IPublicClientApplication>>()

/** MSAL wants one PublicClientApplication per client id and authority for the page's lifetime. */
function applicationFor(settings: MsalSettings, msal: MsalModule): Promise<IPublicClientApplication> {
  const key = `${settings.clientId.trim()}|${authorityFor(settings.tenantId)}`
  let application = applications.get(key)
  if (!application) {
    application = msal.createStandardPublicClientApplication(msalConfiguration(settings))
    applications.set(key, application)
    // A failed initialisation must not be cached, or fixing the settings would not help.
    application.catch(() => applications.delete(key))
  }
  return application
}

function summarise(account: AccountInfo): SignedInAccount {
  return {
    username: account.username,
    name: account.name ?? null,
    tenantId: account.tenantId,
    homeAccountId: account.homeAccountId,
  }
}

/**
 * Opens the Entra sign-in popup (must be called from a click: browsers block popups otherwise) and returns a
 * session whose tokens stay in memory.
 */
export async function signInWithMsal(
  settings: MsalSettings,
  loadMsal: () => Promise<MsalModule> = loadMsalBrowser,
): Promise<MsalSession> {
  if (!settings.clientId.trim()) {
    throw new Error('Enter the application (client) ID of your app registration in Settings first.')
  }
  const msal = await loadMsal()
  const application = await applicationFor(settings, msal)
  const scopes = [...graphSignInLogScopes]
  const login = await application.loginPopup({ scopes, prompt: 'select_account' })
  const account = login.account
  application.setActiveAccount(account)

  return {
    account: summarise(account),
    async getAccessToken() {
      try {
        const result = await application.acquireTokenSilent({ scopes, account })
        return result.accessToken
      } catch (error) {
        if (!(error instanceof msal.InteractionRequiredAuthError)) throw error
        // Consent revoked, password changed, session expired…: Entra needs the user. Popups opened outside a
        // click may be blocked; the failure then reaches the page as "sign in again" (GraphError 'unauthorized').
        const result = await application.acquireTokenPopup({ scopes, account })
        return result.accessToken
      }
    },
    async signOut() {
      // clearCache forgets this tab's account and tokens without navigating to Entra's logout page, which
      // would also end the user's Entra session in every other app.
      await application.clearCache({ account })
      application.setActiveAccount(null)
    },
  }
}
