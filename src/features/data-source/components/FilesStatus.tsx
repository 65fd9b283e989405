import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  Select,
  Text,
} from '@fluentui/react-components'
import type { OpenedFiles } from '../../../lib/data-source/data-source.tsx'
import type { FileReadSummary } from '../../../lib/file-source/read-file.ts'
import type { LogType } from '../../../lib/file-source/record-shape.ts'
import type { FileProgress } from '../../../lib/file-source/open-files.ts'

const MB = 1024 * 1024
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`

/**
 * While files are read: a progress bar with bytes and records, per file. Once the first records are `showing`, a
 * status says so once: the rows grow every second or two, which a screen reader should not read out each time.
 */
export function FilesProgress({ progress, showing }: { progress: FileProgress | null; showing: boolean }) {
  const fraction = progress && progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : undefined
  return (
    <>
      <output aria-live="polite">
        {showing && (
          <Text>The sign-ins read so far are shown; the page adds the rest as the files load.</Text>
        )}
      </output>
      <Field
        label="Opening files"
        validationState="none"
        validationMessage={
          progress
            ? `${progress.file}: ${megabytes(progress.bytesRead)} of ${megabytes(progress.totalBytes)}, ${progress.records.toLocaleString()} records`
            : 'Starting the query engine…'
        }
      >
        <ProgressBar value={fraction} max={1} aria-label="Opening files" />
      </Field>
    </>
  )
}

/** What was opened, its time span, every problem by file and line, and the promise that nothing is uploaded. */
export function FilesSummary({ files }: { files: OpenedFiles }) {
  const records = files.summaries.reduce((total, summary) => total + summary.records, 0)
  const issues = files.summaries.flatMap((summary) => summary.issues)
  return (
    <>
      <output>
        <Text>
          {records.toLocaleString()} {records === 1 ? 'sign-in' : 'sign-ins'} from {files.summaries.length}{' '}
          {files.summaries.length === 1 ? 'file' : 'files'}
          {files.span && `, ${files.span.oldest} to ${files.span.newest} (UTC)`}. The files never leave this
          browser: they are read and queried here, their records kept in this site’s private browser storage
          until they are closed, and nothing is uploaded.
        </Text>
      </output>
      {issues.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some of the files could not be read completely</MessageBarTitle>
            <ul aria-label="Problems in the opened files">
              {issues.slice(0, 50).map((issue, index) => (
                <li key={index}>
                  {issue.file}
                  {issue.line !== null && `, line ${issue.line}`}: {issue.reason}
                </li>
              ))}
              {issues.length > 50 && <li>and {issues.length - 50} more</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  )
}

/** The portal's tab names for the four log types. */
const LOG_TYPE_LABELS: Record<LogType, string> = {
  interactiveUser: 'User sign-ins (interactive)',
  nonInteractiveUser: 'User sign-ins (non-interactive)',
  servicePrincipal: 'Service principal sign-ins',
  managedIdentity: 'Managed identity sign-ins',
}

/**
 * Each file's log type as detected from its content, which the user can correct (a renamed portal CSV of user
 * sign-ins does not say whether they were interactive): the file is then read again with that type.
 */
export function FileLogTypes(props: {
  summaries: readonly FileReadSummary[]
  onChange: (file: string, logType: LogType) => void
}) {
  return (
    <>
      {props.summaries.map((summary) => (
        <Field key={summary.file} label={`Log type of ${summary.file}`} orientation="horizontal">
          <Select
            value={summary.logType ?? ''}
            onChange={(_, data) => {
              if (data.value in LOG_TYPE_LABELS) props.onChange(summary.file, data.value as LogType)
            }}
          >
            {summary.logType === null && <option value="">Not detected: choose one</option>}
            {Object.entries(LOG_TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </>
  )
}

export function FilesError({ message }: { message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The files could not be opened</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  )
}
