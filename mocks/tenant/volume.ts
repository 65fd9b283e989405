/**
 * How many sign-ins of each category fall in one hour: a pure function of (seed, absolute hour),
 * so it is cheap (no record building) and stable when `now` moves.
 *
 * Default size ≈ 1.05 M sign-ins per 30 days: non-interactive ~70 %, interactive ~12 %,
 * service principal ~12 %, managed identity ~6 % (portal-ui.md §1: NI and SP logs are "large").
 * Users follow their own local working day (users live in many time zones); app-only traffic is
 * flatter. Weekends are quieter. ±15 % hourly noise.
 */
import type { SignInEventType } from '../../contract/sign-in.ts'
import type { Directory } from './directory.ts'
import { hashInts, unit } from './random.ts'

export type TenantSize = 'default' | 'small'

const HOUR_MS = 3_600_000
const DAY_HOURS = 24

const perThirtyDays: Record<TenantSize, Record<SignInEventType, number>> = {
  default: {
    nonInteractiveUser: 735_000,
    interactiveUser: 126_000,
    servicePrincipal: 126_000,
    managedIdentity: 63_000,
  },
  small: { nonInteractiveUser: 2_940, interactiveUser: 504, servicePrincipal: 504, managedIdentity: 252 },
}

const typeSalt: Record<SignInEventType, number> = {
  interactiveUser: 1,
  nonInteractiveUser: 2,
  servicePrincipal: 3,
  managedIdentity: 4,
}
export const typeCode = (type: SignInEventType): number => typeSalt[type] - 1

/** Relative activity of a person at a local hour: night ~0.1, working hours 1, evening tail. */
function personalDiurnal(localHour: number): number {
  const h = ((localHour % 24) + 24) % 24
  if (h >= 8 && h < 18) return h === 12 ? 0.8 : 1
  if (h >= 7 && h < 8) return 0.55
  if (h >= 18 && h < 22) return 0.35
  return 0.08
}

/** For app-only traffic: batch jobs at night, a business-hours bump. */
const workloadDiurnal = (utcHour: number) =>
  0.75 + 0.25 * Math.sin(((utcHour - 8) / 24) * 2 * Math.PI) + (utcHour === 2 ? 0.4 : 0)

export interface VolumeModel {
  /** Expected count before noise for a whole hour. */
  expected(type: SignInEventType, absoluteHour: number): number
  /** Deterministic integer count for a whole hour. */
  count(type: SignInEventType, absoluteHour: number): number
  /** Per-user sampling weights at a UTC hour of day (users' local working day). */
  userWeightsAt(utcHourOfDay: number): Float64Array
}

/** `scale` multiplies every hour's expected count (MOCK_SCALE): more sign-ins, same shape, same directory. */
export function createVolumeModel(dir: Directory, size: TenantSize, scale = 1): VolumeModel {
  // userWeights[h][u] = user weight × diurnal at that user's local hour; activity[h] = Σ_u.
  const userWeights: Float64Array[] = []
  const activity: number[] = []
  for (let h = 0; h < DAY_HOURS; h++) {
    const w = new Float64Array(dir.users.length)
    let total = 0
    dir.users.forEach((user, i) => {
      const value = user.weight * personalDiurnal(h + user.place.utcOffset)
      total += value
      w[i] = total // cumulative, ready for pickCumulative
    })
    userWeights.push(w)
    activity.push(total)
  }
  const weekday = (day: number, type: SignInEventType) => {
    const dow = (day + 4) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
    const weekend = dow === 0 || dow === 6
    if (type === 'servicePrincipal' || type === 'managedIdentity') return weekend ? 0.8 : 1.05
    return weekend ? 0.3 : 1.25
  }
  const shape = (type: SignInEventType, absoluteHour: number) => {
    const hod = absoluteHour % DAY_HOURS
    const day = Math.floor(absoluteHour / DAY_HOURS)
    const diurnal =
      type === 'servicePrincipal' || type === 'managedIdentity'
        ? workloadDiurnal(hod)
        : (activity[hod] as number)
    return diurnal * weekday(day, type)
  }
  // Normalise over one week so that 720 hours sum to the target.
  const mean: Record<SignInEventType, number> = {
    interactiveUser: 0,
    nonInteractiveUser: 0,
    servicePrincipal: 0,
    managedIdentity: 0,
  }
  for (const type of Object.keys(mean) as SignInEventType[]) {
    let sum = 0
    for (let h = 0; h < 7 * DAY_HOURS; h++) sum += shape(type, h)
    mean[type] = sum / (7 * DAY_HOURS)
  }
  const expected = (type: SignInEventType, absoluteHour: number) =>
    (((perThirtyDays[size][type] / (30 * DAY_HOURS)) * shape(type, absoluteHour)) / mean[type]) * scale
  return {
    expected,
    count(type, absoluteHour) {
      const salt = typeSalt[type]
      const noise = 0.85 + 0.3 * unit(hashInts(dir.seed, 0xc0de, salt, absoluteHour))
      const value = expected(type, absoluteHour) * noise
      // Stochastic rounding keeps small tenants' sums unbiased.
      return Math.floor(value + unit(hashInts(dir.seed, 0xc0df, salt, absoluteHour)))
    },
    userWeightsAt: (utcHourOfDay) => userWeights[utcHourOfDay] as Float64Array,
  }
}

export { HOUR_MS }
