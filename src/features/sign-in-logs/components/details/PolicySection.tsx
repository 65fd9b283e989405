/**
 * The Conditional Access and Report-only tabs (portal-ui.md §3.2): one disclosure per evaluated policy
 * (Fluent Accordion: a button with aria-expanded, Enter/Space toggle), opening to everything the record
 * holds about that policy. Part of the details pane's chunk, which the page loads on demand.
 */
import { useId } from 'react'
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import type { BetaAppliedConditionalAccessPolicy, BetaSignIn } from '../../../../../contract/sign-in.ts'
import { enumText } from '../../model/enum-labels.ts'
import {
  accessControlLabels,
  authenticationStrengthResultLabels,
  conditionalAccessConditionLabels,
  conditionalAccessRuleLabels,
  policyResultLabels,
} from '../../model/policy-labels.ts'
import type { DateDisplay } from '../format-date.ts'
import { DetailFieldList } from './DetailFieldList.tsx'
import type { DetailField } from './detail-fields.ts'

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  name: { fontWeight: tokens.fontWeightSemibold },
  result: { color: tokens.colorNeutralForeground2, marginInlineStart: tokens.spacingHorizontalS },
  panel: { paddingBlock: tokens.spacingVerticalS },
})

const NONE = 'None'

type Rule = BetaAppliedConditionalAccessPolicy['includeRulesSatisfied'][number]

const controlsText = (controls: readonly string[] | undefined) =>
  controls?.length ? controls.map((control) => enumText(accessControlLabels, control)).join(', ') : NONE

const rulesText = (rules: readonly Rule[] | undefined) =>
  rules?.length
    ? rules
        .map((rule) =>
          [
            enumText(conditionalAccessConditionLabels, rule.conditionalAccessCondition),
            enumText(conditionalAccessRuleLabels, rule.ruleSatisfied),
          ]
            .filter(Boolean)
            .join(': '),
        )
        .join('; ')
    : NONE

export function policyResultText(policy: Pick<BetaAppliedConditionalAccessPolicy, 'result'>): string {
  return enumText(policyResultLabels, policy.result) ?? 'Not reported'
}

/**
 * What the record holds about one policy. v1.0 records carry only the first five properties (graph-api.md
 * §3.2); the beta-only rows are left out when absent rather than shown as "None".
 */
export function policyFields(policy: BetaAppliedConditionalAccessPolicy): DetailField[] {
  const beta = (key: keyof BetaAppliedConditionalAccessPolicy) => policy[key] !== undefined
  const fields: DetailField[] = [
    { label: 'Result', value: policyResultText(policy) },
    { label: 'Policy ID', value: policy.id, kind: 'id' },
  ]
  if (beta('conditionsSatisfied'))
    fields.push({
      label: 'Conditions satisfied',
      value: enumText(conditionalAccessConditionLabels, policy.conditionsSatisfied) ?? NONE,
    })
  if (beta('conditionsNotSatisfied'))
    fields.push({
      label: 'Conditions not satisfied',
      value: enumText(conditionalAccessConditionLabels, policy.conditionsNotSatisfied) ?? NONE,
    })
  if (beta('includeRulesSatisfied'))
    fields.push({ label: 'Include rules satisfied', value: rulesText(policy.includeRulesSatisfied) })
  if (beta('excludeRulesSatisfied'))
    fields.push({ label: 'Exclude rules satisfied', value: rulesText(policy.excludeRulesSatisfied) })
  fields.push(
    { label: 'Grant controls enforced', value: controlsText(policy.enforcedGrantControls) },
    { label: 'Session controls enforced', value: controlsText(policy.enforcedSessionControls) },
  )
  if (beta('sessionControlsNotSatisfied'))
    fields.push({
      label: 'Session controls not satisfied',
      value: controlsText(policy.sessionControlsNotSatisfied),
    })
  if (policy.authenticationStrength) {
    const strength = policy.authenticationStrength
    fields.push({
      label: 'Authentication strength',
      value: [
        strength.displayName ?? strength.authenticationStrengthId,
        enumText(authenticationStrengthResultLabels, strength.authenticationStrengthResult),
      ]
        .filter(Boolean)
        .join(': '),
    })
  }
  return fields
}

const isReportOnly = (policy: BetaAppliedConditionalAccessPolicy) =>
  policy.result?.startsWith('reportOnly') ?? false

/**
 * Graph omits `appliedConditionalAccessPolicies` when the caller may not read CA data (graph-api.md §4.4),
 * so that case explains itself instead of looking like "no policies".
 */
export function PolicySection({
  signIn,
  reportOnly,
  dates,
}: {
  signIn: BetaSignIn
  reportOnly: boolean
  dates: DateDisplay
}) {
  const styles = useStyles()
  const all = signIn.appliedConditionalAccessPolicies
  if (all === undefined) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          Conditional Access details are hidden: reading them needs Security Reader or a higher role.
        </MessageBarBody>
      </MessageBar>
    )
  }
  const policies = all.filter((policy) => isReportOnly(policy) === reportOnly)
  if (policies.length === 0) {
    return (
      <Text className={styles.muted}>
        {reportOnly
          ? 'No report-only policies were evaluated for this sign-in.'
          : 'No Conditional Access policies were evaluated for this sign-in.'}
      </Text>
    )
  }
  return (
    <Accordion multiple collapsible>
      {policies.map((policy, index) => (
        <PolicyItem
          key={policy.id ?? index}
          value={policy.id ?? String(index)}
          policy={policy}
          dates={dates}
        />
      ))}
    </Accordion>
  )
}

function PolicyItem({
  value,
  policy,
  dates,
}: {
  value: string
  policy: BetaAppliedConditionalAccessPolicy
  dates: DateDisplay
}) {
  const styles = useStyles()
  const headerId = useId()
  return (
    <AccordionItem value={value}>
      <AccordionHeader as="h3" size="small" button={{ id: headerId }}>
        <span className={styles.name}>{policy.displayName ?? policy.id ?? 'Unnamed policy'}</span>{' '}
        <span className={styles.result}>Result: {policyResultText(policy)}</span>
      </AccordionHeader>
      {/* A named region, so the opened details are announced with the policy they belong to. */}
      <AccordionPanel className={styles.panel}>
        <section aria-labelledby={headerId}>
          <DetailFieldList fields={policyFields(policy)} dates={dates} />
        </section>
      </AccordionPanel>
    </AccordionItem>
  )
}
