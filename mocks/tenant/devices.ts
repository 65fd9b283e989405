/**
 * Users' devices: OS, trust type, compliance and the browser user agent, as Entra reports them in
 * `deviceDetail` (operatingSystem "Windows10"/"MacOs"/"Ios"/"Android", trustType "Azure AD joined").
 */
import type { Device, DeviceKind } from './directory.ts'
import { guidOf, hashInts, hex32, pickIndex, type Random } from './random.ts'

const chromeVersion = (random: Random) => `${124 + pickIndex(random, 12)}.0.${6300 + pickIndex(random, 900)}`

export function buildDevice(
  random: Random,
  kind: DeviceKind,
  seed: number,
  userIndex: number,
  n: number,
): Device {
  const deviceId = guidOf(seed, 0xdef1ce, userIndex, n)
  const serial = hex32(hashInts(seed, userIndex, n))
    .slice(0, 6)
    .toUpperCase()
  const chrome = chromeVersion(random)
  switch (kind) {
    case 'windows': {
      const edge = random() < 0.6
      const ua = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome} Safari/537.36${edge ? ` Edg/${chrome}` : ''}`
      return {
        kind,
        deviceId,
        displayName: `CONTOSO-LT-${serial}`,
        operatingSystem: 'Windows10',
        trustType: random() < 0.85 ? 'Azure AD joined' : 'Hybrid Azure AD joined',
        isCompliant: random() < 0.93,
        isManaged: true,
        browser: `${edge ? 'Edge' : 'Chrome'} ${chrome.split('.').slice(0, 3).join('.')}`,
        browserUserAgent: ua,
      }
    }
    case 'mac': {
      const ua = `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome} Safari/537.36`
      const managed = random() < 0.5
      return {
        kind,
        deviceId: managed ? deviceId : '',
        displayName: managed ? `Contoso-MBP-${serial}` : '',
        operatingSystem: 'MacOs',
        trustType: managed ? 'Azure AD registered' : '',
        isCompliant: managed,
        isManaged: managed,
        browser: `Chrome ${chrome.split('.').slice(0, 3).join('.')}`,
        browserUserAgent: ua,
      }
    }
    case 'ios': {
      const v = `17_${pickIndex(random, 6)}`
      return {
        kind,
        deviceId,
        displayName: 'iPhone',
        operatingSystem: 'Ios',
        trustType: 'Azure AD registered',
        isCompliant: random() < 0.8,
        isManaged: true,
        browser: 'Mobile Safari',
        browserUserAgent: `Mozilla/5.0 (iPhone; CPU iPhone OS ${v} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1`,
      }
    }
    case 'android':
      return {
        kind,
        deviceId,
        displayName: `Pixel ${7 + pickIndex(random, 3)}`,
        operatingSystem: 'Android',
        trustType: 'Azure AD registered',
        isCompliant: random() < 0.75,
        isManaged: random() < 0.8,
        browser: `Chrome Mobile ${chrome.split('.')[0]}`,
        browserUserAgent: `Mozilla/5.0 (Linux; Android 14; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome} Mobile Safari/537.36`,
      }
  }
}
