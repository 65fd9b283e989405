/**
 * "Export all sign-ins" as a user meets it: the plan, a job run to its files, Pause, resume after a reload (a new
 * job list over the same stored checkpoints and files), and Cancel deleting the partial files. Graph is the
 * engine tests' fake, the stores are in memory (jsdom has neither OPFS nor workers).
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import type { BetaSignIn } from '../../../../../../contract/sign-in.ts'
import { ClockProvider } from '../../../../../lib/clock/clock.tsx'
import { DataSourceProvider, type DataSource } from '../../../../../lib/data-source/data-source.tsx'
import type { GraphClient } from '../../../../../lib/graph/index.ts'
import { tabIds } from '../../../model/tabs.ts'
import { memoryExportStore } from '../export-store.ts'
import { createFakeSignInGraph, makeTypeRecords, type FakeFault } from '../testing/fake-sign-in-pages.ts'
import ExportAllDrawer from './ExportAllDrawer.tsx'
import type { ExportStorage } from './export-jobs.ts'

const NOW = new Date('2026-11-20T12:00:00Z')
const records = Object.fromEntries(
  tabIds.map((type) => [type, makeTypeRecords(type, 7, new Date(NOW.getTime() - 60_000))]),
) as Record<(typeof tabIds)[number], BetaSignIn[]>

/** Stores that outlive a "reload": each render gets a new ExportStorage object over the same data. */
function memoryDisk() {
  const perExport = new Map<string, ReturnType<typeof memoryExportStore>['files']>()
  const shared = memoryExportStore()
  const filesOf = (id: string) => {
    if (!perExport.has(id)) perExport.set(id, memoryExportStore().files)
    return perExport.get(id)!
  }
  const storage = (): ExportStorage => ({
    checkpoints: shared.checkpoints,
    filesOf,
    removeFiles: async (id) => void perExport.delete(id),
    file: async (id, name) => {
      const files = perExport.get(id)
      return files && (await files.size(name)) !== null ? new Blob([files.text(name)]) : null
    },
    requestPersistence: async () => true,
    estimate: async () => ({ usageBytes: 2048, quotaBytes: 1024 * 1024, persisted: true }),
  })
  return { storage, perExport, checkpoints: shared.checkpoints }
}

function drawerTree(client: Pick<GraphClient, 'getPage'>, storage: ExportStorage, open = true) {
  const source: DataSource = {
    id: 'test',
    kind: 'mock',
    label: 'Test tenant',
    client: client as GraphClient,
    backgroundClient: client as GraphClient,
  }
  return (
    <FluentProvider theme={webLightTheme}>
      <ClockProvider clock={() => NOW}>
        <DataSourceProvider value={source}>
          <ExportAllDrawer open={open} onClose={() => undefined} storage={storage} newId={() => 'export-1'} />
        </DataSourceProvider>
      </ClockProvider>
    </FluentProvider>
  )
}

const renderDrawer = (client: Pick<GraphClient, 'getPage'>, storage: ExportStorage) =>
  render(drawerTree(client, storage))

const idsOf = (ndjson: string) =>
  ndjson
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as BetaSignIn).id)

test('the plan lists the four types in NDJSON, everything, for the last 24 hours, and its estimate', async () => {
  const disk = memoryDisk()
  renderDrawer(createFakeSignInGraph({ records, pageSize: 3 }).client, disk.storage())
  const plan = screen.getByRole('region', { name: 'Plan' })
  expect(
    within(plan)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual([
    'User sign-ins (interactive): NDJSON',
    'User sign-ins (non-interactive): NDJSON',
    'Service principal sign-ins: NDJSON',
    'Managed identity sign-ins: NDJSON',
  ])
  expect(plan.textContent).toContain('2026-11-19 12:00 to 2026-11-20 12:00 UTC, everything (no filters)')
  expect(plan.textContent).toContain('not known in advance')
  const user = userEvent.setup()
  await user.selectOptions(
    screen.getByRole('combobox', { name: 'Format of Service principal sign-ins' }),
    'csv',
  )
  await user.click(screen.getByRole('checkbox', { name: 'Managed identity sign-ins' }))
  expect(
    within(plan)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual([
    'User sign-ins (interactive): NDJSON',
    'User sign-ins (non-interactive): NDJSON',
    'Service principal sign-ins: CSV',
  ])
  for (const type of [
    'User sign-ins (interactive)',
    'User sign-ins (non-interactive)',
    'Service principal sign-ins',
  ])
    await user.click(screen.getByRole('checkbox', { name: type }))
  expect(within(plan).getByRole('alert').textContent).toBe('Choose at least one log type.')
  expect((screen.getByRole('button', { name: 'Start export' }) as HTMLButtonElement).disabled).toBe(true)
})

test('a job runs to its files with per-type progress, and Save hands a file to the browser', async () => {
  const disk = memoryDisk()
  const graph = createFakeSignInGraph({ records, pageSize: 3 })
  renderDrawer(graph.client, disk.storage())
  const user = userEvent.setup()
  await user.click(screen.getByRole('button', { name: 'Start export' }))
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Export finished.'))
  const card = screen.getByRole('region', { name: /^Export 2026-11-19 12:00 to 2026-11-20 12:00 UTC/ })
  const bars = within(card).getAllByRole('progressbar')
  expect(bars).toHaveLength(4)
  expect(bars[0]!.getAttribute('aria-valuetext')).toBe('7 records, 3 pages, done')
  const files = within(card).getByRole('list', { name: /^Files of / })
  const names = within(files)
    .getAllByRole('button', { name: /^Save / })
    .map((button) => button.getAttribute('aria-label'))
  expect(names).toEqual([
    'Save InteractiveSignIns_2026-11-19_2026-11-20.ndjson',
    'Save NonInteractiveSignIns_2026-11-19_2026-11-20.ndjson',
    'Save ApplicationSignIns_2026-11-19_2026-11-20.ndjson',
    'Save MSISignIns_2026-11-19_2026-11-20.ndjson',
    'Save manifest.json',
  ])
  for (const type of tabIds) {
    const name = {
      interactive: 'InteractiveSignIns',
      'non-interactive': 'NonInteractiveSignIns',
      'service-principal': 'ApplicationSignIns',
      'managed-identity': 'MSISignIns',
    }[type]
    expect(idsOf(disk.perExport.get('export-1')!.text(`${name}_2026-11-19_2026-11-20.ndjson`))).toEqual(
      records[type].map((r) => r.id),
    )
  }
  const createObjectURL = vi.fn(() => 'blob:saved')
  const revokeObjectURL = vi.fn()
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }))
  const clicked: string[] = []
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push(this.download)
  })
  await user.click(within(files).getByRole('button', { name: 'Save manifest.json' }))
  await waitFor(() => expect(clicked).toEqual(['manifest.json']))
  click.mockRestore()
  expect(card.textContent).toContain('7 records')
  expect(screen.getByText(/Storage used: 2.0 KB of 1.0 MB quota; persistent storage granted\./)).toBeTruthy()
})

test('an interrupted export is listed after a reload and Resume finishes it without duplicates', async () => {
  const disk = memoryDisk()
  let fault: FakeFault = 'none'
  let calls = 0
  const graph = createFakeSignInGraph({
    records,
    pageSize: 3,
    fault: () => (++calls > 5 ? fault : 'none'),
  })
  fault = 'unauthorized'
  const first = renderDrawer(graph.client, disk.storage())
  const user = userEvent.setup()
  await user.click(screen.getByRole('button', { name: 'Start export' }))
  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toMatch(/^Export paused: fake unauthorized/),
  )
  first.unmount()

  fault = 'none'
  renderDrawer(graph.client, disk.storage())
  const resume = await screen.findByRole('button', { name: /^Resume Export 2026-11-19 12:00/ })
  expect(screen.getByText('Status: Paused (fake unauthorized)')).toBeTruthy()
  await user.click(resume)
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Export finished.'))
  const stored = disk.perExport.get('export-1')!
  expect(idsOf(stored.text('MSISignIns_2026-11-19_2026-11-20.ndjson'))).toEqual(
    records['managed-identity'].map((r) => r.id),
  )
  expect(idsOf(stored.text('InteractiveSignIns_2026-11-19_2026-11-20.ndjson'))).toEqual(
    records.interactive.map((r) => r.id),
  )
})

test('Pause stops a running job, and Cancel deletes its partial files and its checkpoint', async () => {
  const disk = memoryDisk()
  const graph = createFakeSignInGraph({ records, pageSize: 3 })
  let release: () => void = () => undefined
  let held = 0
  const gated: Pick<GraphClient, 'getPage'> = {
    async getPage(path, options) {
      // After the first page of each type, requests wait until released (or aborted).
      if (++held > 4)
        await new Promise<void>((resolve, reject) => {
          release = resolve
          options?.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true })
        })
      return graph.client.getPage(path, options)
    },
  }
  const storage = disk.storage()
  const view = renderDrawer(gated, storage)
  const user = userEvent.setup()
  await user.click(screen.getByRole('button', { name: 'Start export' }))
  await screen.findByRole('button', { name: /^Pause Export/ })
  await waitFor(() => expect(disk.perExport.get('export-1')?.names().length).toBe(4))
  // Closed, the drawer leaves the job running and says so beside the toolbar.
  view.rerender(drawerTree(gated, storage, false))
  expect(screen.queryByRole('dialog', { name: 'Export all sign-ins' })).toBeNull()
  expect(screen.getByRole('status').textContent).toBe('Export all sign-ins: running, 12 records written')
  view.rerender(drawerTree(gated, storage, true))
  await user.click(screen.getByRole('button', { name: /^Pause Export/ }))
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Export paused.'))
  release()
  expect(await disk.checkpoints.load('export-1')).toMatchObject({ status: 'paused' })
  await user.click(screen.getByRole('button', { name: /^Cancel Export/ }))
  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toBe('Export cancelled and its files deleted.'),
  )
  expect(disk.perExport.has('export-1')).toBe(false)
  expect(await disk.checkpoints.load('export-1')).toBeNull()
  expect(screen.getByText('No exports stored in this browser.')).toBeTruthy()
})

test('a custom range: an impossible one is explained on its field, a good one is what the export covers', async () => {
  const disk = memoryDisk()
  renderDrawer(createFakeSignInGraph({ records, pageSize: 3 }).client, disk.storage())
  const user = userEvent.setup()
  await user.selectOptions(screen.getByRole('combobox', { name: 'Range' }), 'custom')
  const start = screen.getByRole('textbox', { name: 'Start' })
  const end = screen.getByRole('textbox', { name: 'End' })
  const retype = async (box: HTMLElement, text: string) => {
    await user.clear(box)
    await user.paste(text)
  }
  await retype(start, '2026-10-01T00:00Z')
  expect(start.getAttribute('aria-invalid')).toBe('true')
  expect(screen.getByText(/^Graph keeps sign-ins for 30 days: start on or after/)).toBeTruthy()
  expect((screen.getByRole('button', { name: 'Start export' }) as HTMLButtonElement).disabled).toBe(true)
  await retype(start, '2026-11-20T09:00Z')
  await retype(end, '2026-11-20T08:00Z')
  expect(screen.getByText('The end must be after the start.')).toBeTruthy()
  expect(start.getAttribute('aria-invalid')).not.toBe('true')
  await retype(end, '2026-11-20T11:30Z')
  const plan = screen.getByRole('region', { name: 'Plan' })
  expect(plan.textContent).toContain('2026-11-20 09:00 to 2026-11-20 11:30 UTC')
  await user.click(screen.getByRole('button', { name: 'Start export' }))
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Export finished.'))
  expect(
    screen.getByRole('region', { name: /^Export 2026-11-20 09:00 to 2026-11-20 11:30 UTC/ }),
  ).toBeTruthy()
  const stored = await disk.checkpoints.load('export-1')
  expect([stored?.plan.from, stored?.plan.to]).toEqual([
    '2026-11-20T09:00:00.000Z',
    '2026-11-20T11:30:00.000Z',
  ])
})
