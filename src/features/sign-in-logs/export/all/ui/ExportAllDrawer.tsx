/**
 * "Export all sign-ins" (issue #13): choose the range, log types, format per type and whether the current filter
 * pills apply; see the plan; run it as a job. The drawer is non-modal, so the page stays usable while a job runs,
 * and closing it leaves the job running (jobs live in export-jobs.ts, not in this component). After a reload the
 * stored exports are listed with Resume, or with their files once finished. Loaded on demand by the toolbar.
 */
import { Suspense, useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react'
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components'
import { retryableLazy } from '../../../../../components/retryable-lazy.tsx'
import { SidePane } from '../../../../../components/SidePane.tsx'
import { useClock } from '../../../../../lib/clock/clock.tsx'
import { useDataSource } from '../../../../../lib/data-source/data-source.tsx'
import { tabById, tabIds, type TabId } from '../../../model/tabs.ts'
import { useViewState } from '../../../model/use-view-state.ts'
import {
  createExportPlan,
  ExportPlanError,
  isUserType,
  type ExportFormat,
  type ExportPlan,
} from '../export-plan.ts'
import { browserExportStorage } from './browser-export-storage.ts'
import { createExportJobs, type ExportJobs, type ExportStorage } from './export-jobs.ts'
import { bytesText, estimateText } from './export-plan-text.ts'
import {
  defaultCustomRange,
  EXPORT_RANGES,
  resolveExportRange,
  type CustomRangeText,
  type ExportRangeId,
} from './export-range.ts'
import { ExportJobCard } from './ExportJobCard.tsx'

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  typeRow: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  plan: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
})

// The page's calendar and time pickers, loaded only when a custom range is chosen (not first-screen code).
const DateTimePickers = retryableLazy(() => import('../../../components/filters/DateTimePickers.tsx'))

// One job list per storage and tenant, kept while the tab lives: the drawer may close and reopen on a running job.
const jobLists = new WeakMap<ExportStorage, Map<string, ExportJobs>>()
let defaultStorage: ExportStorage | null = null

export interface ExportAllDrawerProps {
  open: boolean
  onClose(): void
  /** Where exports live; the browser's OPFS and IndexedDB when omitted. */
  storage?: ExportStorage
  /** New export ids (tests inject them). */
  newId?: () => string
}

export default function ExportAllDrawer({ open, onClose, storage: given, newId }: ExportAllDrawerProps) {
  const styles = useStyles()
  const clock = useClock()
  const source = useDataSource()
  const [view] = useViewState()
  const storage = useMemo(() => given ?? (defaultStorage ??= browserExportStorage()), [given])
  const jobs = useMemo(() => {
    const bySource = jobLists.get(storage) ?? new Map<string, ExportJobs>()
    jobLists.set(storage, bySource)
    let list = bySource.get(source.id)
    if (!list) {
      list = createExportJobs({ client: source.backgroundClient ?? source.client, storage, now: clock })
      bySource.set(source.id, list)
    }
    return list
  }, [storage, source, clock])
  const list = useSyncExternalStore(jobs.subscribe, jobs.snapshot)
  const announcement = useSyncExternalStore(jobs.subscribe, jobs.announcement)
  const [storageInfo, setStorageInfo] = useState<Awaited<ReturnType<ExportStorage['estimate']>> | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [range, setRange] = useState<ExportRangeId>('24h')
  const [custom, setCustom] = useState<CustomRangeText>(() => defaultCustomRange(clock(), view.dates))
  const [chosen, setChosen] = useState<Record<TabId, boolean>>(
    () => Object.fromEntries(tabIds.map((t) => [t, true])) as Record<TabId, boolean>,
  )
  const [formats, setFormats] = useState<Record<TabId, ExportFormat>>(
    () => Object.fromEntries(tabIds.map((t) => [t, 'ndjson'])) as Record<TabId, ExportFormat>,
  )
  const [applyFilters, setApplyFilters] = useState(false)
  const ids = useId()

  useEffect(() => {
    if (!open) return
    void jobs
      .refresh()
      .catch((error: unknown) => setProblem(`The stored exports could not be read: ${String(error)}`))
  }, [open, jobs])
  useEffect(() => {
    if (!open) return
    // Usage grows with every page written: the figure follows the jobs.
    const update = () => void storage.estimate().then(setStorageInfo, () => setStorageInfo(null))
    update()
    return jobs.subscribe(update)
  }, [open, storage, jobs])

  const planResult = useMemo((): { plan: ExportPlan } | { error: string; field?: 'start' | 'end' } => {
    const now = clock()
    const window = resolveExportRange(range, custom, view.dates, now)
    if ('message' in window) return { error: window.message, field: window.field }
    try {
      const types = tabIds
        .filter((type) => chosen[type])
        .map((type) => ({ type, format: formats[type], authDetails: isUserType(type) }))
      const pills = applyFilters
        ? Object.fromEntries(types.map(({ type }) => [type, view.filters[tabById(type).filterSet]]))
        : {}
      return {
        plan: createExportPlan({
          id: 'preview',
          from: window.from,
          to: window.to,
          now,
          types,
          pills,
        }),
      }
    } catch (error) {
      if (error instanceof ExportPlanError) return { error: error.message }
      throw error
    }
  }, [clock, range, custom, chosen, formats, applyFilters, view.filters, view.dates])

  const start = () => {
    if (!('plan' in planResult)) return
    setProblem(null)
    // The plan is made again at the moment of starting, so a preset range ends now and not when the drawer opened.
    const now = clock()
    const window = resolveExportRange(range, custom, view.dates, now)
    if ('message' in window) return
    const plan = createExportPlan({
      id: newId?.() ?? crypto.randomUUID(),
      from: window.from,
      to: window.to,
      now,
      types: planResult.plan.types,
      pills: planResult.plan.pills,
    })
    jobs.start(plan).catch((error: unknown) => setProblem(`The export could not start: ${String(error)}`))
  }
  const pillCount = tabIds
    .filter((type) => chosen[type])
    .reduce((sum, type) => sum + view.filters[tabById(type).filterSet].length, 0)

  const running = list.filter((job) => job.running)
  const runningRecords = running.reduce((sum, job) => sum + (job.progress?.records ?? 0), 0)
  if (!open)
    // Closed on a running job: a status beside the toolbar says it goes on (and announces when it ends).
    return (
      <output aria-live="polite">
        {running.length > 0
          ? `Export all sign-ins: running, ${runningRecords.toLocaleString('en-US')} records written`
          : announcement}
      </output>
    )
  return (
    <SidePane
      title="Export all sign-ins"
      open={open}
      onClose={onClose}
      modalType="non-modal"
      size="medium"
      bodyClassName={styles.body}
    >
      <output aria-live="polite">{announcement}</output>
      <section className={styles.form} aria-labelledby={`${ids}-new`}>
        <Text as="h3" id={`${ids}-new`} weight="semibold">
          New export
        </Text>
        <Field label="Range">
          <Select value={range} onChange={(_, data) => setRange(data.value as ExportRangeId)}>
            {EXPORT_RANGES.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        {range === 'custom' &&
          (['start', 'end'] as const).map((edge) => {
            const label = edge === 'start' ? 'Start' : 'End'
            const message = 'field' in planResult && planResult.field === edge ? planResult.error : undefined
            return (
              <div key={edge} className={styles.form}>
                <Field
                  label={label}
                  hint={`${view.dates === 'utc' ? 'UTC' : 'Local time'}; ISO 8601 with Z or an offset also works`}
                  validationMessage={message}
                  validationState={message ? 'error' : 'none'}
                >
                  <Input
                    value={custom[edge]}
                    onChange={(_, data) => setCustom({ ...custom, [edge]: data.value })}
                  />
                </Field>
                <Suspense fallback={null}>
                  <DateTimePickers
                    label={label}
                    text={custom[edge]}
                    dates={view.dates}
                    now={clock()}
                    onText={(text) => setCustom((current) => ({ ...current, [edge]: text }))}
                  />
                </Suspense>
              </div>
            )
          })}
        <fieldset>
          <legend>Log types and formats</legend>
          {tabIds.map((type) => (
            <div key={type} className={styles.typeRow}>
              <Checkbox
                label={tabById(type).label}
                checked={chosen[type]}
                onChange={(_, data) => setChosen({ ...chosen, [type]: data.checked === true })}
              />
              <Select
                aria-label={`Format of ${tabById(type).label}`}
                value={formats[type]}
                disabled={!chosen[type]}
                onChange={(_, data) => setFormats({ ...formats, [type]: data.value as ExportFormat })}
              >
                <option value="ndjson">NDJSON (one Graph object per line)</option>
                <option value="csv">CSV (portal headers)</option>
              </Select>
            </div>
          ))}
        </fieldset>
        <Checkbox
          label={`Apply the current filters (${pillCount} ${pillCount === 1 ? 'pill' : 'pills'}); unchecked exports everything`}
          checked={applyFilters}
          onChange={(_, data) => setApplyFilters(data.checked === true)}
        />
        <section aria-label="Plan">
          <Text weight="semibold">Plan</Text>
          {'plan' in planResult ? (
            <>
              <Text as="p">
                {planResult.plan.from.slice(0, 16).replace('T', ' ')} to{' '}
                {planResult.plan.to.slice(0, 16).replace('T', ' ')} UTC
                {applyFilters ? ', current filters applied' : ', everything (no filters)'}
              </Text>
              <ul className={styles.plan}>
                {planResult.plan.files.map((file) => (
                  <li key={file.name}>
                    {tabById(file.type).label}: {file.csv === 'authDetails' ? 'authentication details, ' : ''}
                    {file.format.toUpperCase()}
                  </li>
                ))}
              </ul>
              <Text as="p">{estimateText(null)}</Text>
            </>
          ) : 'field' in planResult && planResult.field ? (
            <Text as="p">No plan until the range is corrected.</Text>
          ) : (
            <Text as="p" role="alert">
              {planResult.error}
            </Text>
          )}
        </section>
        <Button appearance="primary" disabled={!('plan' in planResult)} onClick={start}>
          Start export
        </Button>
        {problem && <Text role="alert">{problem}</Text>}
      </section>
      <section className={styles.form} aria-labelledby={`${ids}-list`}>
        <Text as="h3" id={`${ids}-list`} weight="semibold">
          Exports
        </Text>
        <Text>
          Storage used: {bytesText(storageInfo?.usageBytes ?? null)} of{' '}
          {bytesText(storageInfo?.quotaBytes ?? null)} quota;
          {storageInfo?.persisted ? ' persistent storage granted.' : ' persistent storage not granted.'}
        </Text>
        {list.length === 0 && <Text>No exports stored in this browser.</Text>}
        {list.map((job) => (
          <ExportJobCard key={job.exportId} job={job} jobs={jobs} storage={storage} />
        ))}
      </section>
    </SidePane>
  )
}
