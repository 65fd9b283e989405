/**
 * The seeded directory of the fake tenant: users, devices, client apps, resources, service
 * principals and managed identities. Built once per seed (a few hundred objects, < 1 ms);
 * sign-ins are generated from it per hour (see groups.ts / records.ts).
 */
import {
  cloudPlaces,
  firstNames,
  firstPartyClients,
  firstPartyResources,
  guestDomains,
  lastNames,
  places,
  type KnownApp,
  type Place,
} from './catalog.ts'
import { hostileAppNames, hostileServicePrincipalName, hostileUserNames } from './hostile.ts'
import { buildDevice } from './devices.ts'
import { guidOf, hashInts, hashString, hex32, mulberry32, pick, pickIndex } from './random.ts'

/** The Microsoft Services tenant that owns first-party apps (appOwnerTenantId / resourceOwnerTenantId). */
export const microsoftTenantId = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'
export const tenantDomain = 'contoso.com'

export type DeviceKind = 'windows' | 'mac' | 'ios' | 'android'
export interface Device {
  readonly kind: DeviceKind
  readonly deviceId: string
  readonly displayName: string
  readonly operatingSystem: string
  readonly trustType: string
  readonly isCompliant: boolean
  readonly isManaged: boolean
  /** Browser product + version, and the UA of that browser on this device. */
  readonly browser: string
  readonly browserUserAgent: string
}

export interface Resource {
  readonly appId: string
  readonly displayName: string
  readonly servicePrincipalId: string
  readonly ownerTenantId: string
}

export interface ClientApp {
  readonly appId: string
  readonly displayName: string
  readonly ownerTenantId: string
  readonly clientAppUsed: 'Browser' | 'Mobile Apps and Desktop clients'
  readonly kinds: readonly DeviceKind[]
  /** Indexes into `Directory.resources`. */
  readonly resources: readonly number[]
  /** Sessions of this client share correlation ids: apps of one family (FOCI) share one session. */
  readonly family: number
  readonly isAdminTool: boolean
}

export interface User {
  readonly index: number
  readonly id: string
  readonly displayName: string
  readonly upn: string
  readonly isGuest: boolean
  readonly homeTenantId: string
  readonly homeTenantName: string | null
  readonly place: Place
  readonly devices: readonly Device[]
  /** Indexes into `Directory.clients`. */
  readonly clients: readonly number[]
  readonly weight: number
  readonly isAdmin: boolean
  readonly mfaMethod:
    'Mobile app notification' | 'Text message' | 'FIDO2 security key' | 'OATH verification code'
}

export interface ServicePrincipal {
  readonly appId: string
  readonly id: string
  readonly name: string
  readonly credential: 'clientSecret' | 'certificate' | 'federatedIdentityCredential' | 'clientAssertion'
  readonly keyId: string
  readonly thumbprint: string
  readonly federatedCredentialId: string
  readonly resources: readonly number[]
  readonly ips: readonly string[]
  readonly place: Place
  readonly weight: number
}

export interface ManagedIdentityPrincipal {
  readonly appId: string
  readonly id: string
  readonly name: string
  readonly msiType: 'systemAssigned' | 'userAssigned'
  readonly associatedResourceId: string
  readonly resources: readonly number[]
  readonly place: Place
  readonly weight: number
}

export interface Directory {
  readonly seed: number
  readonly tenantId: string
  readonly tenantName: string
  readonly users: readonly User[]
  readonly clients: readonly ClientApp[]
  readonly resources: readonly Resource[]
  readonly servicePrincipals: readonly ServicePrincipal[]
  readonly managedIdentities: readonly ManagedIdentityPrincipal[]
}

const asciiFold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()

function buildResources(seed: number, tenantId: string): Resource[] {
  const firstParty = Object.values(firstPartyResources).map((r) => ({
    appId: r.appId,
    displayName: r.displayName,
    servicePrincipalId: guidOf(seed, hashString(r.appId), 7),
    ownerTenantId: microsoftTenantId,
  }))
  const custom = ['Contoso Orders API', 'Contoso HR API', 'Payroll Gateway'].map((displayName) => ({
    appId: guidOf(seed, hashString(displayName), 1),
    displayName,
    servicePrincipalId: guidOf(seed, hashString(displayName), 2),
    ownerTenantId: tenantId,
  }))
  return [...firstParty, ...custom]
}

function buildClients(seed: number, tenantId: string, resources: readonly Resource[]): ClientApp[] {
  const r = (displayName: string) => resources.findIndex((x) => x.displayName === displayName)
  const graph = r('Microsoft Graph')
  const exo = r('Office 365 Exchange Online')
  const spo = r('Office 365 SharePoint Online')
  const arm = r('Windows Azure Service Management API')
  const teamsSvc = r('Microsoft Teams Services')
  const c = firstPartyClients
  const ms = (
    app: KnownApp,
    clientAppUsed: ClientApp['clientAppUsed'],
    kinds: DeviceKind[],
    res: number[],
    family: number,
    isAdminTool = false,
  ): ClientApp => ({
    ...app,
    ownerTenantId: microsoftTenantId,
    clientAppUsed,
    kinds,
    resources: res,
    family,
    isAdminTool,
  })
  const desktop: DeviceKind[] = ['windows', 'mac']
  const mobile: DeviceKind[] = ['ios', 'android']
  const all: DeviceKind[] = [...desktop, ...mobile]
  const clients: ClientApp[] = [
    ms(c.teams, 'Mobile Apps and Desktop clients', all, [teamsSvc, graph, spo, exo], 1),
    ms(c.teamsWeb, 'Browser', desktop, [teamsSvc, graph], 1),
    ms(c.office, 'Mobile Apps and Desktop clients', desktop, [exo, spo, graph], 1),
    ms(c.officeHome, 'Browser', all, [graph, spo], 2),
    ms(c.outlookMobile, 'Mobile Apps and Desktop clients', mobile, [exo, graph], 1),
    ms(c.oneDriveSync, 'Mobile Apps and Desktop clients', desktop, [spo], 1),
    ms(c.oneDriveIos, 'Mobile Apps and Desktop clients', ['ios'], [spo, graph], 1),
    ms(c.edge, 'Mobile Apps and Desktop clients', all, [graph], 3),
    ms(c.azurePortal, 'Browser', desktop, [arm, graph, r('Azure Key Vault')], 4, true),
    ms(c.azureCli, 'Mobile Apps and Desktop clients', desktop, [arm, graph, r('Azure Key Vault')], 5, true),
    ms(c.azurePowerShell, 'Mobile Apps and Desktop clients', ['windows'], [arm, graph], 5, true),
    ms(
      c.broker,
      'Mobile Apps and Desktop clients',
      ['windows', 'ios', 'android'],
      [r('Microsoft Intune'), graph],
      1,
    ),
    ms(c.authenticator, 'Mobile Apps and Desktop clients', mobile, [graph], 6),
    ms(
      c.windowsSignIn,
      'Mobile Apps and Desktop clients',
      ['windows'],
      [r('Windows Azure Active Directory')],
      1,
    ),
    ms(c.graphExplorer, 'Browser', desktop, [graph], 7, true),
    ms(c.vsCode, 'Mobile Apps and Desktop clients', desktop, [arm, r('Azure DevOps')], 5),
    ms(c.companyPortal, 'Mobile Apps and Desktop clients', all, [r('Microsoft Intune')], 1),
    ms(c.myApps, 'Browser', all, [graph], 2),
    ms(c.mySignins, 'Browser', all, [graph], 2),
  ]
  const lob = [
    'Contoso Expenses',
    'Contoso HR Portal',
    'Northwind Ordering',
    'Payroll Self-Service',
    'ServiceDesk Connect',
    ...hostileAppNames,
  ]
  lob.forEach((displayName, i) => {
    clients.push({
      appId: guidOf(seed, hashString(displayName), 3),
      displayName,
      ownerTenantId: tenantId,
      clientAppUsed: 'Browser',
      kinds: all,
      resources: [resources.length - 3 + (i % 3), graph],
      family: 100 + i,
      isAdminTool: false,
    })
  })
  return clients
}

function buildUsers(seed: number, tenantId: string, clients: readonly ClientApp[], count: number): User[] {
  const random = mulberry32(hashInts(seed, 0x05e5))
  const taken = new Set<string>()
  const users: User[] = []
  const homeTenants = guestDomains.map((d) => ({ domain: d, id: guidOf(seed, hashString(d), 9) }))
  for (let index = 0; index < count; index++) {
    const hostile = index === 17 ? hostileUserNames[0] : index === 42 ? hostileUserNames[1] : undefined
    const first = hostile?.first ?? pick(random, firstNames)
    const last = hostile?.last ?? pick(random, lastNames)
    const isGuest = index % 13 === 5 // ~8% B2B guests
    const home = homeTenants[index % homeTenants.length] as (typeof homeTenants)[number]
    const domain = isGuest ? home.domain : tenantDomain
    let local = `${asciiFold(first)}.${asciiFold(last)}`
    for (let n = 2; taken.has(`${local}@${domain}`); n++) local = `${asciiFold(first)}.${asciiFold(last)}${n}`
    taken.add(`${local}@${domain}`)
    const place = isGuest
      ? pick(random, places)
      : (places[Math.floor(random() ** 2 * places.length)] as Place)
    const kinds: DeviceKind[] = [random() < 0.75 ? 'windows' : 'mac', random() < 0.6 ? 'ios' : 'android']
    if (random() < 0.15) kinds.push('windows')
    const devices = kinds.map((kind, n) => buildDevice(random, kind, seed, index, n))
    const isAdmin = !isGuest && index % 23 === 3
    const clientSet = new Set<number>()
    const usable = clients
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => (!c.isAdminTool || isAdmin) && c.kinds.some((k) => kinds.includes(k)))
    const core = usable.filter(({ c }) => c.family === 1 || c.family === 2)
    for (const { i } of core) if (random() < 0.7) clientSet.add(i)
    for (let k = 0; k < 3; k++) clientSet.add(pick(random, usable).i)
    users.push({
      index,
      id: guidOf(seed, 0x05e5, index),
      displayName: `${first} ${last}`,
      upn: `${local}@${domain}`,
      isGuest,
      homeTenantId: isGuest ? home.id : tenantId,
      homeTenantName: isGuest ? null : 'Contoso',
      place,
      devices,
      clients: [...clientSet],
      // Heavy-tailed activity: a few very busy users, many occasional ones.
      weight: 0.2 + random() ** 3 * 4,
      isAdmin,
      mfaMethod: pick(random, [
        'Mobile app notification',
        'Mobile app notification',
        'Text message',
        'FIDO2 security key',
        'OATH verification code',
      ] as const),
    })
  }
  return users
}

const ipOf = (place: Place, a: number, b: number) =>
  `${place.v4[0]}.${place.v4[1]}.${a & 255}.${1 + (b % 254)}`

function buildServicePrincipals(seed: number, resources: readonly Resource[]): ServicePrincipal[] {
  const random = mulberry32(hashInts(seed, 0x5e1f))
  const names = [
    'Contoso Backup Daemon',
    'Terraform Cloud Provisioning',
    'GitHub Actions Deploy',
    'ServiceNow Connector',
    'Datadog Integration',
    'Contoso Billing Sync',
    'HR Feed Importer',
    'Splunk Add-on for Microsoft Cloud Services',
    'Veeam Backup for Microsoft 365',
    'Contoso Reporting Job',
    'Azure DevOps Pipelines (contoso)',
    hostileServicePrincipalName,
  ]
  const creds = ['clientSecret', 'certificate', 'federatedIdentityCredential', 'clientAssertion'] as const
  return names.map((name, i) => {
    const place = pick(random, cloudPlaces)
    const credential = creds[i % creds.length] as ServicePrincipal['credential']
    return {
      appId: guidOf(seed, 0x5e1f, i, 1),
      id: guidOf(seed, 0x5e1f, i, 2),
      name,
      credential,
      keyId: credential === 'federatedIdentityCredential' ? '' : guidOf(seed, 0x5e1f, i, 3),
      thumbprint:
        credential === 'certificate'
          ? (
              hex32(hashInts(seed, i, 4)) +
              hex32(hashInts(seed, i, 5)) +
              hex32(hashInts(seed, i, 6)) +
              hex32(hashInts(seed, i, 7)) +
              hex32(hashInts(seed, i, 8))
            ).toUpperCase()
          : '',
      federatedCredentialId: credential === 'federatedIdentityCredential' ? guidOf(seed, 0x5e1f, i, 9) : '',
      resources: [0, 1, 3, 6, 7, 14]
        .filter(() => random() < 0.5)
        .concat([i % 4 === 0 ? 14 : 0])
        .filter((v, k, a) => a.indexOf(v) === k && v < resources.length),
      ips: Array.from({ length: 1 + pickIndex(random, 3) }, (_, k) =>
        ipOf(place, hashInts(seed, i, k), hashInts(seed, i, k, 1)),
      ),
      place,
      weight: 0.3 + random() * 2,
    }
  })
}

function buildManagedIdentities(seed: number, resources: readonly Resource[]): ManagedIdentityPrincipal[] {
  const random = mulberry32(hashInts(seed, 0x3151))
  const subs = [guidOf(seed, 0x5b, 1), guidOf(seed, 0x5b, 2)]
  const r = (name: string) => resources.findIndex((x) => x.displayName === name)
  const data = [
    r('Azure Key Vault'),
    r('Azure Storage'),
    r('Azure SQL Database'),
    r('Microsoft.ServiceBus'),
    r('Microsoft Graph'),
    r('Windows Azure Service Management API'),
  ]
  const system: [string, string, string][] = [
    ['rg-web-prod', 'Microsoft.Web/sites', 'contoso-orders-web'],
    ['rg-web-prod', 'Microsoft.Web/sites', 'contoso-hr-func'],
    ['rg-data', 'Microsoft.Logic/workflows', 'invoice-approval-flow'],
    ['rg-compute', 'Microsoft.Compute/virtualMachines', 'vm-build-agent-01'],
    ['rg-compute', 'Microsoft.Compute/virtualMachines', 'vm-sql-02'],
    ['rg-aks', 'Microsoft.ContainerService/managedClusters', 'aks-contoso-prod'],
    ['rg-data', 'Microsoft.DataFactory/factories', 'adf-contoso-etl'],
    ['rg-automation', 'Microsoft.Automation/automationAccounts', 'aa-patching'],
  ]
  const userAssigned = ['id-orders-api', 'id-github-deploy', 'id-keyvault-reader', 'id-backup']
  const out: ManagedIdentityPrincipal[] = []
  system.forEach(([rg, provider, name], i) => {
    out.push({
      appId: guidOf(seed, 0x3151, i, 1),
      id: guidOf(seed, 0x3151, i, 2),
      name,
      msiType: 'systemAssigned',
      associatedResourceId: `/subscriptions/${subs[i % 2]}/resourceGroups/${rg}/providers/${provider}/${name}`,
      resources: data
        .filter(() => random() < 0.45)
        .concat([data[i % data.length] as number])
        .filter((v, k, a) => a.indexOf(v) === k),
      place: pick(random, cloudPlaces),
      weight: 0.3 + random() * 2,
    })
  })
  userAssigned.forEach((name, j) => {
    const i = system.length + j
    out.push({
      appId: guidOf(seed, 0x3151, i, 1),
      id: guidOf(seed, 0x3151, i, 2),
      name,
      msiType: 'userAssigned',
      associatedResourceId: `/subscriptions/${subs[j % 2]}/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`,
      resources: data
        .filter(() => random() < 0.4)
        .concat([data[j % data.length] as number])
        .filter((v, k, a) => a.indexOf(v) === k),
      place: pick(random, cloudPlaces),
      weight: 0.3 + random() * 2,
    })
  })
  return out
}

export const directoryUserCount = 320

export function buildDirectory(seed: number): Directory {
  const tenantId = guidOf(seed, 0x7e4a47)
  const resources = buildResources(seed, tenantId)
  const clients = buildClients(seed, tenantId, resources)
  return {
    seed,
    tenantId,
    tenantName: 'Contoso',
    users: buildUsers(seed, tenantId, clients, directoryUserCount),
    clients,
    resources,
    servicePrincipals: buildServicePrincipals(seed, resources),
    managedIdentities: buildManagedIdentities(seed, resources),
  }
}

/**
 * The IP a user signs in from, per day and slot (0 = office egress, shared by everyone working
 * from that office; 1 = home broadband; 2 = mobile carrier, IPv6). Injective per user and day, so
 * summaries keyed by IP never split one real key in two.
 */
export function userIp(dir: Directory, user: User, day: number, slot: number): string {
  const p = user.place
  if (slot === 0)
    return `${p.v4[0]}.${p.v4[1]}.${200 + (hashString(p.city) % 40)}.${10 + (hashInts(dir.seed, hashString(p.city)) % 20)}`
  if (slot === 1)
    return ipOf(
      p,
      hashInts(dir.seed, user.index, 1) % 200,
      hashInts(dir.seed, user.index, Math.floor(day / 7)),
    )
  const h = hashInts(dir.seed, user.index, day, 3)
  return `${p.v6}:${(h & 0xffff).toString(16)}:${(h >>> 16).toString(16)}:${(hashInts(h, 1) & 0xffff).toString(16)}:${(hashInts(h, 2) & 0xffff).toString(16)}`
}
