import { useState } from 'react'
import { useOnDemand } from '../on-demand.ts'
import { filterEditors } from './filter-editors.ts'
import { EditorUnavailable, PillPopover } from './PillPopover.tsx'

/** A fixed pill with a single choice (Show dates as §2.4, Time aggregate §2.5). */
export function ChoicePill<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  value: T
  options: readonly { value: T; label: string }[]
  onChange: (value: T) => void
}) {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<T>(value)
  const current = options.find((option) => option.value === value)
  const editors = useOnDemand(filterEditors, open)
  return (
    <PillPopover
      value={id}
      text={`${label} : ${current?.label ?? value}`}
      heading={label}
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft(value)
        setOpen(next)
      }}
      onApply={() => {
        onChange(draft)
        setOpen(false)
      }}
    >
      {editors.module ? (
        <editors.module.ChoiceEditor label={label} value={draft} options={options} onChange={setDraft} />
      ) : (
        <EditorUnavailable error={editors.error} />
      )}
    </PillPopover>
  )
}
