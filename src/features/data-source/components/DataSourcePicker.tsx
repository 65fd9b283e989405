import { Field, Select, makeStyles, useRestoreFocusTarget } from '@fluentui/react-components'

export type DataSourceKind = 'mock' | 'graph' | 'files'

const useStyles = makeStyles({ select: { minWidth: '150px' } })

/**
 * A native <select> (Fluent Select): choosing "Microsoft Graph" opens a modal dialog, and a popup listbox that
 * is still closing when the modal opens leaves the dialog aria-hidden in Tabster's eyes.
 */
export function DataSourcePicker({
  value,
  onChange,
}: {
  value: DataSourceKind
  onChange: (kind: DataSourceKind) => void
}) {
  const styles = useStyles()
  // The connect dialog opens from here; Tabster returns focus here when it closes.
  const restoreFocusHere = useRestoreFocusTarget()
  return (
    <Field label="Data source" orientation="horizontal">
      <Select
        {...restoreFocusHere}
        className={styles.select}
        value={value}
        onChange={(_, data) => {
          if (data.value === 'mock' || data.value === 'graph' || data.value === 'files') onChange(data.value)
        }}
      >
        <option value="mock">Mock tenant</option>
        <option value="graph">Microsoft Graph</option>
        <option value="files">Open files…</option>
      </Select>
    </Field>
  )
}
