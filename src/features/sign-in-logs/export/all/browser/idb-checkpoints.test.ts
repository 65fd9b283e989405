import { IDBFactory } from 'fake-indexeddb'
import { initialCheckpoint } from '../checkpoint.ts'
import { allTypes, createExportPlan } from '../export-plan.ts'
import { indexedDbCheckpointStore } from './idb-checkpoints.ts'

const NOW = new Date('2026-11-20T12:00:00Z')
const plan = (id: string) =>
  createExportPlan({ id, from: new Date('2026-11-19T12:00:00Z'), to: NOW, now: NOW, types: allTypes() })

test('checkpoints survive a new connection (a reload), newest export first, until deleted', async () => {
  const factory = new IDBFactory()
  const first = indexedDbCheckpointStore(factory)
  const older = initialCheckpoint(plan('a'), new Date('2026-11-20T10:00:00Z'))
  const newer = initialCheckpoint(plan('b'), NOW)
  await first.save(older)
  await first.save(newer)
  const advanced = structuredClone(older)
  advanced.types[0]!.pages = 3
  advanced.types[0]!.nextLink = 'https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=x'
  await first.save(advanced)

  const afterReload = indexedDbCheckpointStore(factory)
  expect(await afterReload.load('a')).toEqual(advanced)
  expect((await afterReload.list()).map((checkpoint) => checkpoint.plan.id)).toEqual(['b', 'a'])
  await afterReload.remove('a')
  expect(await afterReload.load('a')).toBeNull()
  expect((await afterReload.list()).map((checkpoint) => checkpoint.plan.id)).toEqual(['b'])
})
