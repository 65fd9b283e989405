// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { fakeDirectory, fakeLocks } from './record-texts.testing.ts'
import {
  memoryRecordTexts,
  removeStaleSpillFiles,
  spillRecordTexts,
  type RecordTexts,
} from './record-texts.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

async function roundTrip(texts: RecordTexts) {
  const first = encoder.encode('{"id":"a"}{"set":{}}')
  const second = encoder.encode(`{"id":"b","city":"Zürich","note":"${'x'.repeat(2500)}"}`)
  const at1 = await texts.append(first)
  const at2 = await texts.append(second)
  expect(at1).toBe(0)
  expect(at2).toBe(first.length)
  expect(decoder.decode(await texts.read(at1 + 10, 10))).toBe('{"set":{}}')
  expect(decoder.decode(await texts.read(at2, second.length))).toBe(decoder.decode(second))
  expect(decoder.decode(await texts.read(at2 + 18, 7))).toBe('Zürich')
}

describe('record texts in memory (no OPFS, and Node)', () => {
  it('gives back the bytes at the offset and length append gave', async () => {
    await roundTrip(memoryRecordTexts())
  })

  it('keeps its own copy of the bytes and refuses a range it never kept', async () => {
    const texts = memoryRecordTexts()
    const bytes = encoder.encode('abcdef')
    const at = await texts.append(bytes.subarray(0, 3))
    bytes.fill(0)
    expect(decoder.decode(await texts.read(at, 3))).toBe('abc')
    await expect(texts.read(at + 1, 3)).rejects.toThrow(RangeError)
    await texts.close()
    await expect(texts.read(at, 3)).rejects.toThrow('closed')
  })
})

describe('record texts in an OPFS spill file', () => {
  it('writes the bytes into its file and reads them back by offset and length', async () => {
    const { directory, files } = fakeDirectory()
    const { locks } = fakeLocks()
    const texts = await spillRecordTexts(directory, locks, 'tab-1')
    await roundTrip(texts)
    expect(files.get(texts.name)?.length).toBeGreaterThan(2500)
  })

  it('holds its lock while open, and deletes its file and frees the lock when closed', async () => {
    const { directory, files } = fakeDirectory()
    const { locks, held } = fakeLocks()
    const texts = await spillRecordTexts(directory, locks, 'tab-1')
    await texts.append(encoder.encode('record'))
    expect(held.size).toBe(1)
    await texts.close()
    expect([...files.keys()]).toEqual([])
    await Promise.resolve()
    expect(held.size).toBe(0)
    await expect(texts.read(0, 6)).rejects.toThrow('closed')
  })

  it('removes the spill files of ended tabs, never an open tab’s nor other files', async () => {
    const { directory, files } = fakeDirectory()
    const { locks } = fakeLocks()
    const live = await spillRecordTexts(directory, locks, 'open-tab')
    await live.append(encoder.encode('live record'))
    files.set('sign-in-records-ended-tab.bin', encoder.encode('stale record'))
    files.set('notes.txt', encoder.encode('not ours'))

    expect(await removeStaleSpillFiles(directory, locks)).toEqual(['sign-in-records-ended-tab.bin'])
    expect([...files.keys()].sort()).toEqual([live.name, 'notes.txt'].sort())
    expect(decoder.decode(await live.read(0, 11))).toBe('live record')
  })
})
