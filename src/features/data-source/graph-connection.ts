/**
 * A live credential for "Microsoft Graph": a pasted token or an MSAL session. Built here so the hook holds
 * one object; neither variant exposes the token except through getAccessToken.
 */
import type { PastedToken } from '../../lib/auth/pasted-token.ts'
import type { MsalSession } from '../../lib/auth/msal-session.ts'
import type { GraphCredential } from './graph-data-source.ts'

export interface GraphConnection {
  /** increases with every new credential: becomes part of DataSource.id, so queries refetch with it */
  id: number
  credential: GraphCredential
  /** set for a pasted token (its claims, for "expires at") */
  pasted: PastedToken | null
  /** set after an MSAL sign-in */
  session: MsalSession | null
  /** forgets the token / MSAL cache for this tab */
  disconnect(): Promise<void>
}

let nextConnectionId = 1

export function connectionFromPastedToken(token: PastedToken): GraphConnection {
  const d = token.description
  return {
    id: nextConnectionId++,
    credential: {
      kind: 'pasted',
      getAccessToken: () => token.getAccessToken(),
      appId: d.kind === 'jwt' ? d.appId : null,
      tenantId: d.kind === 'jwt' ? d.tenantId : null,
      principal: d.kind === 'jwt' ? d.principal : null,
    },
    pasted: token,
    session: null,
    disconnect: async () => token.clear(),
  }
}

export function connectionFromMsalSession(session: MsalSession, clientId: string): GraphConnection {
  return {
    id: nextConnectionId++,
    credential: {
      kind: 'msal',
      getAccessToken: () => session.getAccessToken(),
      appId: clientId,
      tenantId: session.account.tenantId,
      principal: session.account.username,
    },
    pasted: null,
    session,
    disconnect: () => session.signOut(),
  }
}
