import { useState } from 'react'
import {
  Button,
  Checkbox,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { AddRegular } from '@fluentui/react-icons'
import type { FilterFieldDefinition, FilterFieldId } from '../../model/filter-fields.ts'

const useStyles = makeStyles({
  surface: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: '260px' },
  list: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '360px',
    overflowY: 'auto',
    border: 'none',
    margin: 0,
    padding: 0,
  },
  heading: { fontWeight: tokens.fontWeightSemibold },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
})

/** §2.6 "+ Add filters": tick fields, Apply adds one pill each (its value is asked next). */
export function AddFiltersButton({
  fields,
  activeFieldIds,
  onAdd,
}: {
  fields: readonly FilterFieldDefinition[]
  activeFieldIds: readonly FilterFieldId[]
  onAdd: (fields: FilterFieldId[]) => void
}) {
  const styles = useStyles()
  const [open, setOpen] = useState(false)
  const [picked, setPicked] = useState<FilterFieldId[]>([])
  const available = fields.filter((field) => !activeFieldIds.includes(field.id))
  return (
    <Popover
      open={open}
      onOpenChange={(_, data) => {
        if (data.open) setPicked([])
        setOpen(data.open)
      }}
      trapFocus
      withArrow
    >
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<AddRegular />}>
          Add filters
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label="Add filters">
        <Text className={styles.heading}>Pick a field to filter</Text>
        <fieldset className={styles.list}>
          <legend className={styles.legend}>Filter fields</legend>
          {available.map((field) => (
            <Checkbox
              key={field.id}
              label={field.serverSide ? field.label : `${field.label} (applied to loaded rows)`}
              checked={picked.includes(field.id)}
              onChange={(_, data) =>
                setPicked((current) =>
                  data.checked ? [...current, field.id] : current.filter((id) => id !== field.id),
                )
              }
            />
          ))}
        </fieldset>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={picked.length === 0}
            onClick={() => {
              onAdd(picked)
              setOpen(false)
            }}
          >
            Apply
          </Button>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
        </div>
      </PopoverSurface>
    </Popover>
  )
}
