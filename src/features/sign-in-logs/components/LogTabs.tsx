import { Tab, TabList } from '@fluentui/react-components'
import { tabDefinitions, type TabId } from '../model/tabs.ts'

/** portal-ui.md §1: the four log types, exact labels; switching keeps the date range. */
export function LogTabs({ selected, onSelect }: { selected: TabId; onSelect: (tab: TabId) => void }) {
  return (
    <TabList
      aria-label="Sign-in log type"
      selectedValue={selected}
      onTabSelect={(_, data) => {
        const next = tabDefinitions.find((tab) => tab.id === data.value)
        if (next) onSelect(next.id)
      }}
    >
      {tabDefinitions.map((tab) => (
        <Tab key={tab.id} value={tab.id}>
          {tab.label}
        </Tab>
      ))}
    </TabList>
  )
}
