import { Dropdown, Label, Option, makeStyles, tokens, useId } from '@fluentui/react-components'
import { useThemeChoice, type ThemeName } from './theme.tsx'

const themeLabels: Record<ThemeName, string> = { light: 'Light', dark: 'Dark' }

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: '96px' },
})

/** portal-ui.md §2.4a: a control named "Theme" in the header. */
export function ThemePicker() {
  const styles = useStyles()
  const labelId = useId('theme-label')
  const { theme, setTheme } = useThemeChoice()
  return (
    <div className={styles.root}>
      <Label id={labelId} size="small">
        Theme
      </Label>
      <Dropdown
        size="small"
        appearance="underline"
        className={styles.dropdown}
        aria-labelledby={labelId}
        value={themeLabels[theme]}
        selectedOptions={[theme]}
        onOptionSelect={(_, data) => {
          if (data.optionValue === 'light' || data.optionValue === 'dark') setTheme(data.optionValue)
        }}
      >
        <Option value="light">Light</Option>
        <Option value="dark">Dark</Option>
      </Dropdown>
    </div>
  )
}
