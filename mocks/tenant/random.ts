/**
 * Seeded, allocation-free hashing and PRNG helpers. Everything in the fake tenant is a pure
 * function of (seed, what, where), so any hour can be regenerated on demand without storing it.
 */

/** murmur3's 32-bit finaliser: good avalanche for cheap integer mixing. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Hash of a list of integers (each taken modulo 2^32); order-sensitive. */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = Math.imul(h ^ fmix32(part >>> 0), 0x01000193) >>> 0
    h = (h ^ (h >>> 15)) >>> 0
  }
  return fmix32(h)
}

/** FNV-1a over UTF-16 code units, then mixed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return fmix32(h >>> 0)
}

/** Uniform in [0, 1) from a 32-bit hash. */
export const unit = (h: number): number => (h >>> 0) / 4294967296

/** mulberry32: tiny, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number

export const pickIndex = (random: Random, length: number): number => Math.floor(random() * length)
export const pick = <T>(random: Random, items: readonly T[]): T => items[pickIndex(random, items.length)] as T

/** Index into `cumulative` (ascending, last = total) for a uniform draw. */
export function pickCumulative(cumulative: Float64Array | readonly number[], draw: number): number {
  const target = draw * (cumulative[cumulative.length - 1] as number)
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((cumulative[mid] as number) > target) hi = mid
    else lo = mid + 1
  }
  return lo
}

export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  weights.forEach((w, i) => {
    sum += w
    out[i] = sum
  })
  return out
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
export const hex32 = (n: number): string =>
  (HEX[(n >>> 24) & 255] as string) +
  (HEX[(n >>> 16) & 255] as string) +
  (HEX[(n >>> 8) & 255] as string) +
  (HEX[n & 255] as string)

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
const DASH = 45
// Reused scratch buffers: building ids char by char would allocate dozens of temporary strings
// per record, and garbage collection dominated the cost of building an hour of records.
const guidChars: number[] = new Array<number>(36).fill(DASH)
function writeWord(word: number, at: number[]): void {
  for (let i = 0; i < 8; i++) guidChars[at[i] as number] = HEX_CODES[(word >>> (28 - 4 * i)) & 15] as number
}
const W0 = [0, 1, 2, 3, 4, 5, 6, 7]
const W1 = [9, 10, 11, 12, 14, 15, 16, 17]
const W2 = [19, 20, 21, 22, 24, 25, 26, 27]
const W3 = [28, 29, 30, 31, 32, 33, 34, 35]

/** GUID text (8-4-4-4-12, lower-case) from four 32-bit words, with RFC 4122 v4 version/variant bits. */
export function guidFromWords(w0: number, w1: number, w2: number, w3: number): string {
  writeWord(w0 >>> 0, W0)
  writeWord(((w1 & 0xffff0fff) | 0x00004000) >>> 0, W1)
  writeWord(((w2 & 0x3fffffff) | 0x80000000) >>> 0, W2)
  writeWord(w3 >>> 0, W3)
  return String.fromCharCode.apply(null, guidChars)
}

/** A GUID that is a pure function of its inputs. */
export function guidOf(...parts: number[]): string {
  const h = hashInts(...parts)
  return guidFromWords(h, hashInts(h, 1), hashInts(h, 2), hashInts(h, 3))
}

const B64 = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', (c) =>
  c.charCodeAt(0),
)
const tokenChars: number[] = new Array<number>(22).fill(0)

/**
 * URL-safe, unpadded base64 of 16 pseudo-random bytes: the shape of `uniqueTokenIdentifier`.
 * Hand-rolled on purpose: jsdom's `btoa` (vitest environment) is a slow pure-JS polyfill.
 */
export function tokenIdentifier(h: number): string {
  let n = 0
  let bits = 0
  let acc = 0
  for (let i = 0; i < 4; i++) {
    const w = hashInts(h, 11 + i)
    for (let b = 0; b < 4; b++) {
      acc = ((acc << 8) | ((w >>> (b * 8)) & 255)) & 0xffffff
      bits += 8
      while (bits >= 6) {
        bits -= 6
        tokenChars[n++] = B64[(acc >>> bits) & 63] as number
      }
    }
  }
  tokenChars[n] = B64[(acc << (6 - bits)) & 63] as number
  return String.fromCharCode.apply(null, tokenChars)
}
