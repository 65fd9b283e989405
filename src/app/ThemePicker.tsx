import { Label, Select, makeStyles, tokens, useId } from '@fluentui/react-components'
import { useThemeChoice } from './theme.tsx'

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
})

/** portal-ui.md §2.4a: a control named "Theme" in the header (a native select: robust, labelled). */
export function ThemePicker() {
  const styles = useStyles()
  const id = useId('theme')
  const { theme, setTheme } = useThemeChoice()
  return (
    <div className={styles.root}>
      <Label htmlFor={id} size="small">
        Theme
      </Label>
      <Select
        id={id}
        size="small"
        appearance="underline"
        value={theme}
        onChange={(_, data) => {
          if (data.value === 'light' || data.value === 'dark') setTheme(data.value)
        }}
      >
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </Select>
    </div>
  )
}
