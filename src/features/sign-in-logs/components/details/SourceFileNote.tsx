/**
 * On opened files (issue #14): which file and line a sign-in was read from, and, for the portal's CSV, which
 * nested details the CSV does not carry, so an empty Authentication Details or Conditional Access tab reads as
 * "not in this file", not as "none happened".
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useQuery } from '@tanstack/react-query'
import { useDataSource, type OpenedFiles } from '../../../../lib/data-source/data-source.tsx'
import { PORTAL_CSV_MISSING } from '../../../../lib/file-source/map-portal-csv.ts'
import { signInKeys } from '../../api/queries.ts'

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
})

export function SourceFileNote({ signInId }: { signInId: string }) {
  const source = useDataSource()
  if (!source.files) return null
  return <OpenedFileNote sourceId={source.id} files={source.files} signInId={signInId} />
}

function OpenedFileNote({
  sourceId,
  files,
  signInId,
}: {
  sourceId: string
  files: OpenedFiles
  signInId: string
}) {
  const styles = useStyles()
  const origin = useQuery({
    queryKey: [...signInKeys.all(sourceId), 'source-file', signInId],
    queryFn: () => files.sourceOf(signInId),
    // The opened files do not change under a source: where a record came from is fixed.
    staleTime: Infinity,
  })
  if (!origin.data) return null
  const { file, line } = origin.data
  const readFrom = `Read from ${file}, line ${line.toLocaleString()}.`
  if (origin.data.format !== 'portal-csv') return <Text>{readFrom}</Text>
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This sign-in comes from a CSV, which lacks the nested details</MessageBarTitle>
        {readFrom} The portal’s CSV download leaves these out or flattens them into one cell, so the tabs that
        show them are empty here even where the sign-in had them:
        <ul className={styles.list} aria-label="Details the CSV lacks">
          {PORTAL_CSV_MISSING.map(({ path, words }) => (
            <li key={path}>{words}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  )
}
