import { Dropdown, Field, Option, makeStyles } from '@fluentui/react-components'

export type DataSourceKind = 'mock' | 'graph'

const labels: Record<DataSourceKind, string> = { mock: 'Mock tenant', graph: 'Microsoft Graph' }

const useStyles = makeStyles({ dropdown: { minWidth: '180px' } })

export function DataSourcePicker({
  value,
  onChange,
}: {
  value: DataSourceKind
  onChange: (kind: DataSourceKind) => void
}) {
  const styles = useStyles()
  return (
    <Field label="Data source" orientation="horizontal">
      <Dropdown
        className={styles.dropdown}
        value={labels[value]}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => {
          if (data.optionValue === 'mock' || data.optionValue === 'graph') onChange(data.optionValue)
        }}
      >
        <Option value="mock">{labels.mock}</Option>
        <Option value="graph">{labels.graph}</Option>
      </Dropdown>
    </Field>
  )
}
