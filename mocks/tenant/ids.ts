/**
 * Sign-in (request) ids: GUID text that looks random but encodes (category, absolute hour, index
 * in the bucket), so `findSignIn` can regenerate just that one bucket. Layout of the 128 bits
 * (words w0..w3 as printed):
 *   w0 = tag = hash(seed, payload)            — also the key of the masks below
 *   w3 = (hour·4 + category)·256 + index&255, XOR mask(tag)
 *   w2 = index>>8 (12 bits) XOR mask(tag), other bits random; w1 random (v4 version/variant kept)
 * Decoding recomputes the GUID from the recovered payload and compares, so random GUIDs (and ids
 * of another seed) are rejected.
 */
import { guidFromWords, hashInts } from './random.ts'

export interface SignInIdPayload {
  readonly typeCode: number
  readonly absoluteHour: number
  readonly index: number
}

const MAX_HOUR = 2 ** 22
const MAX_INDEX = 2 ** 20

export function encodeSignInId(seed: number, { typeCode, absoluteHour, index }: SignInIdPayload): string {
  if (absoluteHour < 0 || absoluteHour >= MAX_HOUR || index < 0 || index >= MAX_INDEX) {
    throw new RangeError(`sign-in id payload out of range: hour ${absoluteHour}, index ${index}`)
  }
  const tag = hashInts(seed, 0x1d, typeCode, absoluteHour, index)
  const w3 = (((absoluteHour * 4 + typeCode) * 256 + (index & 255)) ^ hashInts(tag, 3)) >>> 0
  const w2 = ((hashInts(tag, 2) & 0x3ffff000) | (((index >>> 8) ^ hashInts(tag, 4)) & 0xfff)) >>> 0
  return guidFromWords(tag, hashInts(tag, 1), w2, w3)
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function decodeSignInId(seed: number, id: string): SignInIdPayload | undefined {
  const text = id.toLowerCase()
  if (!GUID.test(text)) return undefined
  const hexText = text.replace(/-/g, '')
  const tag = parseInt(hexText.slice(0, 8), 16) >>> 0
  const w2 = parseInt(hexText.slice(16, 24), 16) >>> 0
  const w3 = (parseInt(hexText.slice(24, 32), 16) ^ hashInts(tag, 3)) >>> 0
  const lowIndex = w3 & 255
  const typeCode = (w3 >>> 8) & 3
  const absoluteHour = Math.floor(w3 / 1024)
  const index = ((((w2 & 0xfff) ^ hashInts(tag, 4)) & 0xfff) << 8) | lowIndex
  const payload = { typeCode, absoluteHour, index }
  return encodeSignInId(seed, payload) === text ? payload : undefined
}
