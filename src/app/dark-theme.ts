/**
 * The dark theme's token values, a chunk of their own: most visits stay light (portal-ui.md §2.4a, light by
 * default), so the first screen does not carry them (issue #7). Loaded by theme.tsx when dark is chosen.
 */
export { webDarkTheme } from '@fluentui/react-components'
