import { useRef, useState } from 'react'
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components'
import { AddRegular } from '@fluentui/react-icons'
import type { FilterFieldDefinition, FilterFieldId } from '../../model/filter-fields.ts'
import { EditorLoadFailure, openWithEditors, useFilterPopover } from './PillPopover.tsx'
import { prefetchFilterEditors } from './filter-editors.ts'

const useStyles = makeStyles({
  surface: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: '260px' },
  heading: { fontWeight: tokens.fontWeightSemibold },
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
  const [failed, setFailed] = useState(false)
  const available = fields.filter((field) => !activeFieldIds.includes(field.id))
  // The popover, its checkboxes and positioning load on the first opening (filter-editors.ts).
  const popover = useFilterPopover(open)
  const requestOpen = openWithEditors(
    (next) => {
      setFailed(false)
      if (next) setPicked([])
      setOpen(next)
    },
    () => setFailed(true),
  )
  const triggerRef = useRef<HTMLButtonElement>(null)
  const trigger = (
    <Button
      ref={triggerRef}
      appearance="subtle"
      icon={<AddRegular />}
      onPointerEnter={prefetchFilterEditors}
      onFocus={prefetchFilterEditors}
      // Before the popover is mounted, this button opens it (PopoverTrigger does once it is).
      {...(popover ? {} : { 'aria-expanded': false, onClick: () => requestOpen(true) })}
    >
      Add filters
    </Button>
  )
  if (!popover) {
    return (
      <>
        {trigger}
        {failed && <EditorLoadFailure />}
      </>
    )
  }
  return (
    <popover.FilterPopover
      open={open}
      onOpenChange={requestOpen}
      trigger={trigger}
      triggerRef={triggerRef}
      surfaceClassName={styles.surface}
      label="Add filters"
    >
      <Text className={styles.heading}>Pick a field to filter</Text>
      <popover.FieldPicker fields={available} picked={picked} onPicked={setPicked} />
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
    </popover.FilterPopover>
  )
}
