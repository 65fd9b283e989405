import { Tab, TabList } from '@fluentui/react-components'
import { viewTabs, type ViewTabId } from '../model/tabs.ts'

/** portal-ui.md §1: the four log types, exact labels; then "All sign-ins" (issue #12); switching keeps the date range. */
export function LogTabs({ selected, onSelect }: { selected: ViewTabId; onSelect: (tab: ViewTabId) => void }) {
  return (
    <TabList
      aria-label="Sign-in log type"
      selectedValue={selected}
      onTabSelect={(_, data) => {
        const next = viewTabs.find((tab) => tab.id === data.value)
        if (next) onSelect(next.id)
      }}
    >
      {viewTabs.map((tab) => (
        <Tab key={tab.id} value={tab.id}>
          {tab.label}
        </Tab>
      ))}
    </TabList>
  )
}
