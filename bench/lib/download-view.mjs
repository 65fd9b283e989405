/** The Download pane's Interactive file over the last month (~126 k sign-ins): the 100 k limit applies. */
export function downloadViewState(app) {
  return { ...app.defaultViewState, range: { preset: '1m' } }
}
