import { useState } from 'react'
import { Label, Select, makeStyles, tokens, useId } from '@fluentui/react-components'
import { useQueryClient } from '@tanstack/react-query'
import {
  scenarioDescriptions,
  scenarioNames,
  type ScenarioName,
  type ScenarioState,
} from '../../mocks/scenarios.ts'

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
})

/** Mock mode only: pick a fault of the fake Graph so every error state can be seen (brief, §4). */
export function ScenarioPicker({ scenarios }: { scenarios: ScenarioState }) {
  const styles = useStyles()
  const id = useId('scenario')
  const queryClient = useQueryClient()
  const [current, setCurrent] = useState<ScenarioName>(() => scenarios.get())
  return (
    <div className={styles.root}>
      <Label htmlFor={id} size="small">
        Mock scenario
      </Label>
      <Select
        id={id}
        size="small"
        appearance="underline"
        value={current}
        title={scenarioDescriptions[current]}
        onChange={(_, data) => {
          const next = scenarioNames.find((name) => name === data.value)
          if (!next) return
          scenarios.set(next)
          setCurrent(next)
          // Cached pages came from the previous scenario: fetch again so its effect shows at once.
          void queryClient.resetQueries()
        }}
      >
        {scenarioNames.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </div>
  )
}
