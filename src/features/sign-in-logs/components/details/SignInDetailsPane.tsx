import { Suspense, useEffect, useRef, useState } from 'react'
import { retryableLazy } from '../../../../components/retryable-lazy.tsx'
import { Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components'
import { useQuery } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { useDataSource } from '../../../../lib/data-source/data-source.tsx'
import { GraphErrorBar } from '../../../../components/GraphErrorBar.tsx'
import { CopyButton } from '../../../../components/CopyButton.tsx'
import { SidePane } from '../../../../components/SidePane.tsx'
import { ErrorBoundary } from '../../../../components/ErrorBoundary.tsx'
import { signInDetailQuery } from '../../api/queries.ts'
import type { GraphError } from '../../../../lib/graph/errors.ts'
import type { TabId } from '../../model/tabs.ts'
import type { DateDisplay } from '../format-date.ts'
import { DetailFieldList, fieldsAsText } from './DetailFieldList.tsx'
import {
  basicInfoFields,
  detailTabLabels,
  detailTabsByLogType,
  deviceFields,
  isFailure,
  locationFields,
  logTypeOf,
  type DetailField,
  type DetailTabId,
} from './detail-fields.ts'
import {
  AdditionalDetailsSection,
  AuthenticationDetailsSection,
  TroubleshootingSection,
} from './DetailTables.tsx'

import { PolicySection } from './PolicySection.tsx'
import { SourceFileNote } from './SourceFileNote.tsx'
import type { DateWindow } from '../../api/build-filter.ts'

// Its own chunk: the pivots' queries and table load when the tab is first opened.
const RelatedSignIns = retryableLazy(async () => ({
  default: (await import('./RelatedSignIns.tsx')).RelatedSignIns,
}))

const useStyles = makeStyles({
  drawer: { width: 'min(720px, 100vw)' },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalXXL,
  },
  // Seven tabs do not fit 720 px: wrap rather than hide "Additional Details" off-screen.
  tabs: { flexWrap: 'wrap' },
  copyAll: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
})

export interface SignInDetailsPaneProps {
  selectedId: string | null
  /** The row that was clicked, when it is loaded; otherwise the pane fetches the sign-in by id. */
  loadedSignIn: BetaSignIn | null
  tab: TabId
  dates: DateDisplay
  /** The page's date range and clock, for the Related sign-ins lookups. */
  range: DateWindow
  now: Date
  /** Opens another sign-in in this pane (a related one): the page puts it in the URL, so Back returns. */
  onOpenSignIn: (signIn: BetaSignIn) => void
  onClose: () => void
  /** Where focus goes on closing (the row that opened the pane); by default what had focus as it opened. */
  returnFocusTo?: () => HTMLElement | null
}

function fieldsOf(tab: DetailTabId, signIn: BetaSignIn, logType: TabId): DetailField[] {
  if (tab === 'basic') return basicInfoFields(signIn, logType)
  if (tab === 'location') return locationFields(signIn)
  if (tab === 'device') return deviceFields(signIn)
  return []
}

/** portal-ui.md §3: "Activity Details: Sign-ins", tabs per log type, copy, troubleshooting. */
export function SignInDetailsPane({
  selectedId,
  loadedSignIn,
  tab,
  dates,
  range,
  now,
  onOpenSignIn,
  onClose,
  returnFocusTo,
}: SignInDetailsPaneProps) {
  const styles = useStyles()
  const source = useDataSource()
  const loaded = loadedSignIn && loadedSignIn.id === selectedId ? loadedSignIn : null
  const detail = useQuery({
    ...signInDetailQuery(source, selectedId ?? ''),
    enabled: selectedId !== null && loaded === null,
  })
  const signIn = loaded ?? detail.data ?? null
  // A related row that opened its sign-in is gone: focus goes to the new sign-in's tabs instead of the page.
  const [focusTabsOf, setFocusTabsOf] = useState<string | null>(null)
  const openRelated = (next: BetaSignIn) => {
    setFocusTabsOf(next.id)
    onOpenSignIn(next)
  }

  return (
    <SidePane
      title="Activity Details: Sign-ins"
      open={selectedId !== null}
      onClose={onClose}
      returnFocusTo={returnFocusTo}
      className={styles.drawer}
      bodyClassName={styles.body}
    >
      {signIn ? (
        // Inside the drawer, so a failure keeps Close (and Escape) working.
        <ErrorBoundary what="The sign-in details" resetKey={signIn.id}>
          <SourceFileNote signInId={signIn.id} />
          <DetailsContent
            key={signIn.id}
            signIn={signIn}
            logType={logTypeOf(signIn, tab)}
            dates={dates}
            related={{ range, now, onOpenSignIn: openRelated }}
            focusTabs={focusTabsOf === signIn.id}
          />
        </ErrorBoundary>
      ) : detail.error ? (
        <GraphErrorBar
          title="Could not load this sign-in"
          error={detail.error as GraphError}
          onRetry={() => void detail.refetch()}
        />
      ) : (
        <Spinner label="Loading sign-in" />
      )}
    </SidePane>
  )
}

function DetailsContent({
  signIn,
  logType,
  dates,
  related,
  focusTabs,
}: {
  signIn: BetaSignIn
  logType: TabId
  dates: DateDisplay
  related: { range: DateWindow; now: Date; onOpenSignIn: (signIn: BetaSignIn) => void }
  focusTabs: boolean
}) {
  const styles = useStyles()
  const tabs = detailTabsByLogType[logType]
  const [current, setCurrent] = useState<DetailTabId>('basic')
  const fields = fieldsOf(current, signIn, logType)
  const tabList = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focusTabs) tabList.current?.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus()
  }, [focusTabs])
  return (
    <>
      <TabList
        ref={tabList}
        className={styles.tabs}
        aria-label="Sign-in details"
        selectedValue={current}
        onTabSelect={(_, data) => {
          const next = tabs.find((id) => id === data.value)
          if (next) setCurrent(next)
        }}
      >
        {tabs.map((id) => (
          <Tab key={id} value={id}>
            {detailTabLabels[id]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={detailTabLabels[current]} className={styles.body}>
        {fields.length > 0 && (
          <>
            <div className={styles.copyAll}>
              <CopyButton
                value={fieldsAsText(fields, dates)}
                label={`all ${detailTabLabels[current]} fields`}
              />
            </div>
            <DetailFieldList fields={fields} dates={dates} />
          </>
        )}
        {current === 'basic' && isFailure(signIn) && <TroubleshootingSection signIn={signIn} />}
        {current === 'authentication' && <AuthenticationDetailsSection signIn={signIn} dates={dates} />}
        {(current === 'conditional-access' || current === 'report-only') && (
          <PolicySection key={current} signIn={signIn} reportOnly={current === 'report-only'} dates={dates} />
        )}
        {current === 'additional' && <AdditionalDetailsSection signIn={signIn} />}
        {current === 'related' && (
          <Suspense fallback={<Spinner size="small" label="Loading related sign-ins" />}>
            <RelatedSignIns signIn={signIn} dates={dates} {...related} />
          </Suspense>
        )}
      </div>
    </>
  )
}
