// @vitest-environment node
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { nodeCheckpointStore, nodeFileStore } from './node-store.ts'

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'export-store-'))
})
afterEach(() => rm(folder, { recursive: true, force: true }))

test('opening at the checkpoint cuts off bytes written after it, then appends', async () => {
  await writeFile(join(folder, 'a.ndjson'), 'line1\nline2-not-checkpointed\n')
  const store = nodeFileStore(folder)
  const writer = await store.openAt('a.ndjson', 6)
  await writer.write(new TextEncoder().encode('line2\n'))
  await writer.close()
  expect(await readFile(join(folder, 'a.ndjson'), 'utf8')).toBe('line1\nline2\n')
  expect(await store.size('a.ndjson')).toBe(12)
  await expect(store.openAt('a.ndjson', 100)).rejects.toThrow(/shorter/)
})

test('the checkpoint file belongs to one export and an unreadable one says so', async () => {
  const store = nodeCheckpointStore(folder)
  expect(await store.load('x')).toBeNull()
  await writeFile(join(folder, '.export-checkpoint.json'), '{not json')
  await expect(store.load('x')).rejects.toThrow(/cannot be read/)
})
