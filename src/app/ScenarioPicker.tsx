import { useState } from 'react'
import { Dropdown, Label, Option, makeStyles, tokens, useId } from '@fluentui/react-components'
import { useQueryClient } from '@tanstack/react-query'
import {
  scenarioDescriptions,
  scenarioNames,
  type ScenarioName,
  type ScenarioState,
} from '../../mocks/scenarios.ts'

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: '140px' },
})

/** Mock mode only: pick a fault of the fake Graph so every error state can be seen (brief, §4). */
export function ScenarioPicker({ scenarios }: { scenarios: ScenarioState }) {
  const styles = useStyles()
  const labelId = useId('scenario-label')
  const queryClient = useQueryClient()
  const [current, setCurrent] = useState<ScenarioName>(() => scenarios.get())
  return (
    <div className={styles.root}>
      <Label id={labelId} size="small">
        Mock scenario
      </Label>
      <Dropdown
        size="small"
        appearance="underline"
        className={styles.dropdown}
        aria-labelledby={labelId}
        value={current}
        selectedOptions={[current]}
        onOptionSelect={(_, data) => {
          const next = scenarioNames.find((name) => name === data.optionValue)
          if (!next) return
          scenarios.set(next)
          setCurrent(next)
          // Cached pages came from the previous scenario: fetch again so its effect shows at once.
          void queryClient.resetQueries()
        }}
      >
        {scenarioNames.map((name) => (
          <Option key={name} value={name} text={name}>
            {`${name} — ${scenarioDescriptions[name]}`}
          </Option>
        ))}
      </Dropdown>
    </div>
  )
}
