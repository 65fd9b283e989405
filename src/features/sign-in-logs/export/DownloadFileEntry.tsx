/**
 * One file of the pane (downloads.md §1.1 step 3): its own `File Name` box, pre-filled and editable,
 * and its own `Download` button — label, box and button are plain siblings as in the portal [T 10] —
 * then, where the browser can show a save dialog, "Save to…" (ours: the portal has none), followed by this
 * file's progress or outcome.
 */
import { useEffect, useId, useState } from 'react'
import {
  Button,
  Caption1,
  Input,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components'
import type { DownloadFileDefinition } from './download-files.ts'
import { interruptionText, progressLines, resultText, waitText } from './download-messages.ts'
import type { FileDownloadState } from './use-downloads.ts'
import { LeftOutRecordsBar } from '../components/LeftOutRecordsBar.tsx'

const useStyles = makeStyles({
  description: {
    gridColumn: '1 / -1',
    marginTop: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground2,
  },
  status: {
    gridColumn: '1 / -1',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
})

export interface DownloadFileEntryProps {
  file: DownloadFileDefinition
  defaultName: string
  state: FileDownloadState
  onDownload: (fileName: string, options: { saveAs: boolean }) => void
  /** Offer "Save to…" (a save dialog): only where the browser can show one. */
  canSaveAs: boolean
  onCancel: (options: { keepPartial: boolean }) => void
  onResume: () => void
}

/**
 * Seconds until `until`, re-rendering every half second while waiting (the retry countdown). `now`
 * may be stale for the first tick of a new wait, so the result never exceeds the wait's own length.
 */
function useSecondsUntil(until: number | null, longest: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (until === null) return
    const timer = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(timer)
  }, [until])
  return until === null ? 0 : Math.min(longest, Math.max(0, (until - now) / 1000))
}

export function DownloadFileEntry({
  file,
  defaultName,
  state,
  onDownload,
  onCancel,
  onResume,
  canSaveAs,
}: DownloadFileEntryProps) {
  const styles = useStyles()
  const inputId = useId()
  const descriptionId = useId()
  // The parent keys this entry by its default name, so a new date range resets the box.
  const [name, setName] = useState(defaultName)
  const busy = state.status === 'starting' || state.status === 'active'
  const active = state.status === 'active' ? state : null
  const secondsLeft = useSecondsUntil(active?.waitEndsAt ?? null, active?.progress.wait?.seconds ?? 0)
  // Focus must never fall out of the pane (its Escape and Tab trap only work from inside): while busy the button
  // stays focusable, and when Cancel, Keep partial file or Resume disappear, Tabster restores focus here.
  const restoreFocusHere = useRestoreFocusTarget()

  return (
    <>
      <Text id={descriptionId} className={styles.description} weight="semibold">
        {file.description}
      </Text>
      <Label htmlFor={inputId}>File Name</Label>
      <Input
        id={inputId}
        value={name}
        aria-describedby={descriptionId}
        disabled={busy}
        onChange={(_, data) => setName(data.value)}
      />
      <Button
        {...restoreFocusHere}
        appearance="primary"
        aria-describedby={descriptionId}
        disabledFocusable={busy}
        disabled={!busy && name.trim() === ''}
        onClick={() => onDownload(name.trim(), { saveAs: false })}
      >
        Download
      </Button>
      {canSaveAs && (
        <Button
          aria-describedby={descriptionId}
          disabledFocusable={busy}
          disabled={!busy && name.trim() === ''}
          onClick={() => onDownload(name.trim(), { saveAs: true })}
        >
          Save to…
        </Button>
      )}
      {state.status !== 'idle' && (
        <output
          className={styles.status}
          aria-live="polite"
          aria-label={`${file.description}: download status`}
        >
          {state.status === 'starting' && (
            <Caption1>
              {state.saveAs ? `Choose where to save ${state.fileName}…` : `Preparing ${state.fileName}…`}
            </Caption1>
          )}
          {state.status === 'active' && (
            <ActiveDownload
              state={state}
              secondsLeft={secondsLeft}
              onCancel={onCancel}
              onResume={onResume}
              actionsClassName={styles.actions}
            />
          )}
          {state.status === 'finished' && <FinishedDownload state={state} />}
        </output>
      )}
    </>
  )
}

function ActiveDownload(props: {
  state: Extract<FileDownloadState, { status: 'active' }>
  secondsLeft: number
  onCancel: DownloadFileEntryProps['onCancel']
  onResume: () => void
  actionsClassName: string
}) {
  const { progress } = props.state
  const paused = progress.phase === 'paused'
  const interruption = paused ? interruptionText(progress) : null
  return (
    <>
      {/* No value: the total is unknown (Graph lists cannot be counted), so the bar is indeterminate. */}
      <ProgressBar
        aria-label={`Downloading ${props.state.fileName}`}
        value={progress.expectedTotal === null ? undefined : progress.recordsWritten / progress.expectedTotal}
        thickness="large"
        color={paused ? 'warning' : 'brand'}
      />
      {progressLines(progress).map((line) => (
        <Caption1 key={line}>{line}</Caption1>
      ))}
      {progress.wait && <Caption1>{waitText(progress.wait, props.secondsLeft)}</Caption1>}
      {interruption && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{interruption.title}</MessageBarTitle>
            {interruption.body}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onResume}>Resume</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={props.actionsClassName}>
        <Button onClick={() => props.onCancel({ keepPartial: false })}>Cancel</Button>
        <Button appearance="subtle" onClick={() => props.onCancel({ keepPartial: true })}>
          Keep partial file
        </Button>
      </div>
    </>
  )
}

function FinishedDownload({ state }: { state: Extract<FileDownloadState, { status: 'finished' }> }) {
  const message = resultText(state.result, state.fileName)
  return (
    <>
      <MessageBar intent={message.intent}>
        <MessageBarBody>
          <MessageBarTitle>{message.title}</MessageBarTitle>
          {message.body}
        </MessageBarBody>
      </MessageBar>
      <LeftOutRecordsBar
        leftOut={state.result.leftOut}
        total={state.result.recordsLeftOut}
        noun={{ one: 'record', many: 'records' }}
      />
    </>
  )
}
