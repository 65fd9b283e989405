/** The default download sink: pages streamed into a private OPFS file (a fake OPFS here), handed over, removed. */
import { createOpfsHost } from './all/browser/opfs-host.ts'
import type { OpfsChannel } from './all/browser/opfs-files.ts'
import { fakeOpfsDirectory } from './all/testing/fake-opfs.ts'
import {
  opfsDownloadFiles,
  privateFileSink,
  removeStaleDownloads,
  STALE_DOWNLOAD_MS,
} from './private-file-sink.ts'

const encode = (text: string) => new TextEncoder().encode(text)

/** storedFile() reads through navigator.storage; the writes go through the host as the worker would run it. */
function fakeOpfs() {
  const root = fakeOpfsDirectory()
  const host = createOpfsHost(root)
  const channel: OpfsChannel = { send: (request) => host(request) }
  vi.stubGlobal('navigator', { storage: { getDirectory: async () => root } })
  return { root, files: opfsDownloadFiles(() => channel) }
}

interface Handed {
  text: string
  name: string
  revoke: () => void
}

function recordingDeliver(handed: Handed[]) {
  return (file: File, name: string, onRevoked: () => void) => {
    void file.text().then((text) => handed.push({ text, name, revoke: onRevoked }))
  }
}

afterEach(() => vi.unstubAllGlobals())

test('pages go to a private file that is handed over whole, then removed once the browser has it', async () => {
  const opfs = fakeOpfs()
  const handed: Handed[] = []
  const sink = privateFileSink(await opfs.files.create('SignIns.csv'), {
    fileName: 'SignIns.csv',
    deliver: recordingDeliver(handed),
  })
  expect(sink.kind).toBe('private-file')
  await sink.write(encode('Date,Id\n'))
  await sink.write(encode('2026-12-07,a\n'))
  expect(opfs.root.paths()).toEqual([expect.stringMatching(/^exports\/download-[\w-]+\/SignIns\.csv$/)])
  await sink.close()
  await vi.waitFor(() => expect(handed).toHaveLength(1))
  expect(handed[0]).toMatchObject({ text: 'Date,Id\n2026-12-07,a\n', name: 'SignIns.csv' })
  // Still there while the browser may be reading it; gone once the URL is revoked.
  expect(opfs.root.paths()).toHaveLength(1)
  handed[0]!.revoke()
  await vi.waitFor(() => expect(opfs.root.paths()).toEqual([]))
  await expect(sink.write(encode('late'))).rejects.toThrow(/closed/)
})

test('two downloads of the same name never share a file', async () => {
  const opfs = fakeOpfs()
  const first = await opfs.files.create('same.json')
  const second = await opfs.files.create('same.json')
  await first.write(encode('[1]'))
  await second.write(encode('[2]'))
  expect(await (await first.finish()).text()).toBe('[1]')
  expect(await (await second.finish()).text()).toBe('[2]')
})

test('cancel (abort) deletes the partial file and hands nothing over', async () => {
  const opfs = fakeOpfs()
  const handed: Handed[] = []
  const sink = privateFileSink(await opfs.files.create('partial.csv'), {
    fileName: 'partial.csv',
    deliver: recordingDeliver(handed),
  })
  await sink.write(encode('Date,Id\n'))
  await sink.abort()
  expect(opfs.root.paths()).toEqual([])
  expect(handed).toEqual([])
})

test('a file that cannot be read back fails the download and is removed', async () => {
  const removed: string[] = []
  const sink = privateFileSink(
    {
      write: async () => {},
      finish: async () => {
        throw new Error('storage evicted')
      },
      remove: async () => void removed.push('gone'),
    },
    { fileName: 'x.csv', deliver: () => expect.unreachable('nothing to hand over') },
  )
  await expect(sink.close()).rejects.toThrow('storage evicted')
  expect(removed).toEqual(['gone'])
})

test('folders of downloads from tabs closed before their cleanup are removed after an hour, others kept', async () => {
  const opfs = fakeOpfs()
  const old = await opfs.files.create('old.csv')
  await old.write(encode('a'))
  await old.finish()
  const [oldFolder] = opfs.root.paths()
  const removed: string[] = []
  const remove = async (folder: string) => void removed.push(folder)
  expect(await removeStaleDownloads(opfs.root, Date.now() + 30 * 60_000, remove)).toEqual([])
  expect(await removeStaleDownloads(opfs.root, Date.now() + STALE_DOWNLOAD_MS + 1000, remove)).toEqual([
    oldFolder!.split('/')[1],
  ])
  expect(removed).toEqual([oldFolder!.split('/')[1]])
})
