import { useState } from 'react'
import { Radio, RadioGroup } from '@fluentui/react-components'
import { PillPopover } from './PillPopover.tsx'

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
      <RadioGroup
        aria-label={label}
        value={draft}
        onChange={(_, data) => {
          const picked = options.find((option) => option.value === data.value)
          if (picked) setDraft(picked.value)
        }}
      >
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </RadioGroup>
    </PillPopover>
  )
}
