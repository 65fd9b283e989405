import { fakeOpfsDirectory as fakeDirectory } from '../testing/fake-opfs.ts'
import { createOpfsHost } from './opfs-host.ts'

const encode = (text: string) => new TextEncoder().encode(text)

test('opening at a checkpoint cuts off an unsaved page; writes append; removing an export removes its folder', async () => {
  const root = fakeDirectory()
  const host = createOpfsHost(root)
  await host({ op: 'open', exportId: 'e1', name: 'a.ndjson', offset: 0 })
  await host({ op: 'write', exportId: 'e1', name: 'a.ndjson', bytes: encode('one\n') })
  await host({ op: 'write', exportId: 'e1', name: 'a.ndjson', bytes: encode('two-unsaved\n') })
  // A reload: the tab died with the handle open; the checkpoint counted 4 bytes.
  await host({ op: 'open', exportId: 'e1', name: 'a.ndjson', offset: 4 })
  await host({ op: 'write', exportId: 'e1', name: 'a.ndjson', bytes: encode('two\n') })
  await host({ op: 'close', exportId: 'e1', name: 'a.ndjson' })
  expect(root.bytes(['exports', 'e1', 'a.ndjson'])).toBe('one\ntwo\n')
  await expect(host({ op: 'open', exportId: 'e1', name: 'a.ndjson', offset: 99 })).rejects.toThrow(/shorter/)
  await host({ op: 'remove-export', exportId: 'e1' })
  expect(root.bytes(['exports', 'e1', 'a.ndjson'])).toBeUndefined()
  await expect(host({ op: 'remove-export', exportId: 'e1' })).resolves.toBeUndefined()
})
