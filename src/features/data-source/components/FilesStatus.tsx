import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  Text,
} from '@fluentui/react-components'
import type { OpenedFiles } from '../../../lib/data-source/data-source.tsx'
import type { FileProgress } from '../../../lib/file-source/open-files.ts'

const MB = 1024 * 1024
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`

/** While files are read: a progress bar with bytes and records, per file. */
export function FilesProgress({ progress }: { progress: FileProgress | null }) {
  const fraction = progress && progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : undefined
  return (
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
          browser: they are read and queried here, and nothing is uploaded.
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
