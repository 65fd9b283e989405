import { FluentProvider, Title2, webLightTheme, makeStyles, tokens } from '@fluentui/react-components'

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  main: { padding: tokens.spacingHorizontalXXL },
})

export function App() {
  const styles = useStyles()
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <main className={styles.main}>
        <Title2 as="h1">Sign-in logs</Title2>
      </main>
    </FluentProvider>
  )
}
