/** One export in the drawer's list: per-type progress while it runs, Pause/Resume/Cancel, and its files once done. */
import { useState } from 'react'
import { Button, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components'
import { tabById } from '../../../model/tabs.ts'
import type { ExportJobs, ExportJobView, ExportStorage } from './export-jobs.ts'
import { bytesText, rateText, typeProgressText } from './export-plan-text.ts'
import { directoryPicker, saveAllToFolder, saveBlob } from './save-files.ts'

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
})

const statusLabel = { running: 'Unfinished', paused: 'Paused', failed: 'Failed', done: 'Finished' }

export function exportTitle(job: ExportJobView): string {
  const { from, to } = job.checkpoint.plan
  return `Export ${from.slice(0, 16).replace('T', ' ')} to ${to.slice(0, 16).replace('T', ' ')} UTC`
}

export function ExportJobCard(props: { job: ExportJobView; jobs: ExportJobs; storage: ExportStorage }) {
  const { job, jobs, storage } = props
  const styles = useStyles()
  const [problem, setProblem] = useState<string | null>(null)
  const title = exportTitle(job)
  const { checkpoint } = job
  const status = job.running ? 'Running' : statusLabel[checkpoint.status]
  const done = checkpoint.status === 'done'
  const guard = (action: () => Promise<unknown>) => () => {
    setProblem(null)
    action().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
  }
  const save = (name: string) =>
    guard(async () => {
      const blob = await storage.file(job.exportId, name)
      if (!blob) throw new Error(`${name} is no longer stored.`)
      saveBlob(blob, name)
    })
  const picker = directoryPicker()
  const fileNames = [...checkpoint.plan.files.map((file) => file.name), 'manifest.json']
  const saveAll = guard(async () => {
    const files = []
    for (const name of fileNames) {
      const blob = await storage.file(job.exportId, name)
      if (blob) files.push({ name, blob })
    }
    if (picker) await saveAllToFolder(files, picker)
  })
  const types =
    job.progress?.types ??
    checkpoint.types.map((type) => ({
      ...type,
      wait: null,
      waits: 0,
      waitedSeconds: 0,
      recordsPerSecond: null,
    }))
  // Time left is only said while the job runs: a stopped job has no speed.
  const range = job.running ? checkpoint.plan : undefined
  return (
    <section className={styles.card} aria-label={title}>
      <Text weight="semibold">{title}</Text>
      <Text>
        Status: {status}
        {checkpoint.error ? ` (${checkpoint.error})` : ''}
      </Text>
      {types.map((type) => (
        <Field key={type.type} label={tabById(type.type).label} hint={typeProgressText(type, range)}>
          <ProgressBar
            value={type.done ? 1 : undefined}
            max={1}
            thickness="large"
            // The total is not known in advance: indeterminate until the type is done.
            aria-valuetext={typeProgressText(type, range)}
          />
        </Field>
      ))}
      {job.running && <Text>{rateText(job.progress?.recordsPerSecond ?? null)}</Text>}
      <div className={styles.actions}>
        {job.running && (
          <Button onClick={() => jobs.pause(job.exportId)} aria-label={`Pause ${title}`}>
            Pause
          </Button>
        )}
        {!job.running && !done && (
          <Button
            appearance="primary"
            onClick={guard(() => jobs.resume(job.exportId))}
            aria-label={`Resume ${title}`}
          >
            Resume
          </Button>
        )}
        {!done && (
          <Button onClick={guard(() => jobs.cancel(job.exportId))} aria-label={`Cancel ${title}`}>
            Cancel
          </Button>
        )}
        {done && picker && <Button onClick={saveAll}>Save all to a folder</Button>}
        {done && (
          <Button onClick={guard(() => jobs.cancel(job.exportId))} aria-label={`Delete ${title}`}>
            Delete
          </Button>
        )}
      </div>
      {done && (
        <ul className={styles.files} aria-label={`Files of ${title}`}>
          {fileNames.map((name) => {
            const entry = job.manifest?.files.find((file) => file.name === name)
            return (
              <li key={name}>
                <Text>
                  {name}
                  {entry
                    ? ` (${entry.records} records, ${bytesText(entry.bytes)}, SHA-256 ${entry.sha256.slice(0, 12)}…)`
                    : ''}
                </Text>{' '}
                <Button size="small" onClick={save(name)} aria-label={`Save ${name}`}>
                  Save
                </Button>
              </li>
            )
          })}
        </ul>
      )}
      {problem && <Text role="alert">{problem}</Text>}
    </section>
  )
}
