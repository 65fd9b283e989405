// @vitest-environment node
/// <reference types="node" />
/**
 * Compares our contract with REAL published sign-in records in ../shared/fixtures/real/ (the
 * project root's sibling; never copied into this repo). Read that folder's README for origins.
 *
 * What is compared, per record:
 * 1. every property the record carries exists in our schema of that version, at every nesting level;
 * 2. its JSON type (string/number/boolean/null/object/array; integers where we say integer) is one
 *    our schema allows there;
 * 3. enum-ish values (z.enum members, flags strings of comma-joined members) are members of our enums.
 * The reverse (schema properties absent from the record) is NOT checked: published examples are
 * trimmed and older than today's schema.
 *
 * Which records:
 * - Graph JSON responses from the Graph docs (beta list/get, v1.0 list/get, beta summarized):
 *   compared in full against the beta / v1.0 / summarized schema.
 * - Azure Monitor diagnostic records (Microsoft docs 2019/2022, DataDog 2025 storage blobs): only
 *   their `properties` object, which is Graph's beta signIn with the same camelCase names; a few
 *   diagnostic-only keys and representation differences are listed below with reasons.
 * Skipped on purpose: the 2018 pre-GA Graph example and the 2018 preview diagnostic record (a
 * historic schema: conditionalAccessApplied, integer enums), Panther's normalised test events
 * (placeholders such as "rpoc"), and Log Analytics / Sentinel exports (PascalCase columns,
 * JSON-in-string cells: a different shape, not Graph's).
 *
 * Known deviations are explicit and must still occur (a stale entry fails), so the lists cannot rot.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { betaSignInSchema, summarizedSignInSchema, v1SignInSchema } from './sign-in.ts'

const fixturesDir = fileURLToPath(new URL('../../shared/fixtures/real/', import.meta.url))
const present = existsSync(fixturesDir)

type JsonSchemaNode = {
  type?: string | string[]
  anyOf?: JsonSchemaNode[]
  properties?: Record<string, JsonSchemaNode>
  additionalProperties?: boolean | JsonSchemaNode
  items?: JsonSchemaNode
  enum?: unknown[]
  'x-flags-members'?: string[]
}
type FindingKind = 'unknownProperty' | 'typeMismatch' | 'notEnumMember'
interface Finding {
  kind: FindingKind
  path: string
  detail: string
}

const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchemaNode
const schemas = {
  beta: toJson(betaSignInSchema),
  v1: toJson(v1SignInSchema),
  summarized: toJson(summarizedSignInSchema),
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/** Flattens `anyOf` and `type: [...]` into one alternative per JSON type. */
function alternatives(node: JsonSchemaNode): JsonSchemaNode[] {
  if (node.anyOf) return node.anyOf.flatMap(alternatives)
  if (Array.isArray(node.type)) return node.type.map((type) => ({ ...node, type }))
  return [node]
}

function accepts(node: JsonSchemaNode, type: string): boolean {
  if (node.type === undefined) return true // z.unknown(): anything goes
  return node.type === type || (node.type === 'number' && type === 'integer')
}

function compare(value: unknown, node: JsonSchemaNode, path: string, out: Finding[]): void {
  const type = jsonTypeOf(value)
  const match = alternatives(node).find((alt) => accepts(alt, type))
  if (!match) {
    const allowed = alternatives(node).map((alt) => alt.type ?? 'any')
    out.push({ kind: 'typeMismatch', path, detail: `${type} not in [${allowed.join(', ')}]` })
    return
  }
  if (type === 'string' && match.enum && !match.enum.includes(value)) {
    out.push({ kind: 'notEnumMember', path, detail: JSON.stringify(value) })
  }
  const flags = match['x-flags-members']
  if (
    type === 'string' &&
    flags &&
    !String(value)
      .split(',')
      .every((part) => flags.includes(part))
  ) {
    out.push({ kind: 'notEnumMember', path, detail: JSON.stringify(value) })
  }
  if (type === 'array' && match.items) {
    for (const element of value as unknown[]) compare(element, match.items, `${path}[]`, out)
  }
  if (type === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childNode = match.properties?.[key]
      const childPath = path ? `${path}.${key}` : key
      if (childNode) compare(child, childNode, childPath, out)
      else if (match.additionalProperties === false) {
        out.push({ kind: 'unknownProperty', path: childPath, detail: 'not in our schema' })
      } else if (typeof match.additionalProperties === 'object') {
        compare(child, match.additionalProperties, childPath, out)
      }
    }
  }
}

interface Quirk {
  file: RegExp
  kind: FindingKind
  path: string
  reason: string
}

/** Deviations of published records from today's Graph schema, each documented in the fixtures README. */
const knownQuirks: Quirk[] = [
  // Graph docs examples
  {
    file: /^graph-docs-beta-signin-(list-2020|get-2020)/,
    kind: 'unknownProperty',
    path: 'alternateSignInName',
    reason: 'deprecated 2021, not in beta Prod (graph-api.md §3.1)',
  },
  {
    file: /^graph-docs-beta-signin-(list-20(20|21|22)|get-2020)/,
    kind: 'unknownProperty',
    path: 'riskEventTypes',
    reason: 'v1.0-only today; old beta examples still show it (§3.1)',
  },
  {
    file: /^graph-docs-beta-signin-list-2020-ex2/,
    kind: 'unknownProperty',
    path: 'riskLevelDuringsignIn',
    reason: 'typo in the doc example (lower-case s)',
  },
  {
    file: /^graph-docs-beta-signin-list-2020-ex2/,
    kind: 'notEnumMember',
    path: 'conditionalAccessStatus',
    reason: '"applied" is not a documented member',
  },
  {
    file: /^graph-docs-beta-signin-list-20(21|22)-ex1|^graph-docs-beta-signin-list-2021-ex2/,
    kind: 'notEnumMember',
    path: 'incomingTokenType',
    reason: 'display string "Primary Refresh Token" instead of the enum member',
  },
  {
    file: /^graph-docs-beta-signin-list-2022-ex1/,
    kind: 'unknownProperty',
    path: 'authenticationContextClassReferences[].details',
    reason: 'the example spells the member `details`; the metadata type has `detail`',
  },
  // Azure Monitor diagnostic `properties`
  {
    file: /^(ms-docs-azure-monitor|datadog-blob)/,
    kind: 'unknownProperty',
    path: 'tenantId',
    reason: 'diagnostic-only key (fixtures README, "Diagnostic record → Graph")',
  },
  {
    file: /^(ms-docs-azure-monitor|datadog-blob)/,
    kind: 'unknownProperty',
    path: 'riskEventTypes',
    reason: 'exports keep the v1.0-era list',
  },
  {
    file: /^(ms-docs-azure-monitor|datadog-blob)/,
    kind: 'unknownProperty',
    path: 'alternateSignInName',
    reason: 'legacy key kept by exports',
  },
  {
    file: /^(ms-docs-azure-monitor|datadog-blob)/,
    kind: 'unknownProperty',
    path: 'ssoExtensionVersion',
    reason: 'diagnostic-only key',
  },
  { file: /^datadog-blob/, kind: 'unknownProperty', path: 'rngcStatus', reason: 'diagnostic-only key' },
  {
    file: /^datadog-blob/,
    kind: 'unknownProperty',
    path: 'appServicePrincipalId',
    reason: 'diagnostic-only key',
  },
  {
    file: /^datadog-blob/,
    kind: 'unknownProperty',
    path: 'authenticationStrengths',
    reason: 'diagnostic-only key',
  },
  {
    file: /^(ms-docs-azure-monitor|datadog-blob)/,
    kind: 'typeMismatch',
    path: 'appliedConditionalAccessPolicies[].conditionsSatisfied',
    reason: 'integer bit flags; Graph sends the comma-string form',
  },
  {
    file: /^(ms-docs-azure-monitor|datadog-blob)/,
    kind: 'typeMismatch',
    path: 'appliedConditionalAccessPolicies[].conditionsNotSatisfied',
    reason: 'integer bit flags; Graph sends the comma-string form',
  },
  {
    file: /^datadog-blob/,
    kind: 'typeMismatch',
    path: 'conditionalAccessAudiences[]',
    reason: 'objects {applicationId, audienceReasons}; CSDL types it Collection(Edm.String)',
  },
  {
    file: /^datadog-blob-(service|managed)/,
    kind: 'typeMismatch',
    path: 'userId',
    reason: 'null on app-only rows; Graph declares userId Nullable="false"',
  },
  {
    file: /^(ms-docs-azure-monitor-signin-2022|datadog-blob-signinlogs)/,
    kind: 'unknownProperty',
    path: 'authenticationDetails[].StatusSequence',
    reason: 'PascalCase diagnostic-only step fields',
  },
  {
    file: /^(ms-docs-azure-monitor-signin-2022|datadog-blob-signinlogs)/,
    kind: 'unknownProperty',
    path: 'authenticationDetails[].RequestSequence',
    reason: 'PascalCase diagnostic-only step fields',
  },
  {
    file: /^(ms-docs-azure-monitor-signin-2022|datadog-blob-(signinlogs|noninteractive))/,
    kind: 'notEnumMember',
    path: 'userType',
    reason: 'exports capitalise it ("Member", "Guest"); Graph sends member/guest',
  },
]

type Version = keyof typeof schemas
interface RealRecord {
  file: string
  version: Version
  record: unknown
}

function readRecords(): RealRecord[] {
  const records: RealRecord[] = []
  for (const file of readdirSync(fixturesDir).sort()) {
    const text = readFileSync(`${fixturesDir}${file}`, 'utf8')
    const version: Version | undefined = file.startsWith('graph-docs-v1-')
      ? 'v1'
      : file.startsWith('graph-docs-beta-getsummarized')
        ? 'summarized'
        : file.startsWith('graph-docs-beta-signin-') && file !== 'graph-docs-beta-signin-get-2018.json'
          ? 'beta'
          : undefined
    if (version) {
      const body = JSON.parse(text) as { value?: unknown[] }
      for (const record of body.value ?? [body]) records.push({ file, version, record })
    } else if (/^ms-docs-azure-monitor-signin-20(19|22)\.json$/.test(file)) {
      records.push({
        file,
        version: 'beta',
        record: (JSON.parse(text) as { properties: unknown }).properties,
      })
    } else if (/^datadog-blob-.*\.ndjson$/.test(file)) {
      for (const line of text.split(/\r?\n/).filter((l) => l.trim())) {
        records.push({
          file,
          version: 'beta',
          record: (JSON.parse(line) as { properties: unknown }).properties,
        })
      }
    }
  }
  return records
}

const isQuirk = (file: string, finding: Finding) => (quirk: Quirk) =>
  quirk.file.test(file) && quirk.kind === finding.kind && quirk.path === finding.path

it('locates the real fixtures or says plainly that the comparison is skipped', () => {
  if (!present) console.warn('../shared/fixtures/real not found: fixture comparison skipped')
  expect(typeof present).toBe('boolean')
})

describe.skipIf(!present)('contract vs real published sign-in records', () => {
  const records = present ? readRecords() : []
  const usedQuirks = new Set<Quirk>()
  const findingsByFile = new Map<string, string[]>()
  for (const { file, version, record } of records) {
    const findings: Finding[] = []
    compare(record, schemas[version], '', findings)
    const unexpected: string[] = []
    for (const finding of findings) {
      const quirk = knownQuirks.find(isQuirk(file, finding))
      if (quirk) usedQuirks.add(quirk)
      else unexpected.push(`${finding.kind} ${finding.path}: ${finding.detail}`)
    }
    findingsByFile.set(file, [...(findingsByFile.get(file) ?? []), ...unexpected])
  }

  it('reads Graph-shaped records of every version', () => {
    const versions = new Set(records.map((r) => r.version))
    expect([...versions].sort()).toEqual(['beta', 'summarized', 'v1'])
    expect(records.length).toBeGreaterThan(70)
  })

  it.each([...findingsByFile.keys()])('%s: properties, JSON types and enum values fit our schema', (file) => {
    expect([...new Set(findingsByFile.get(file))]).toEqual([])
  })

  it('every listed known deviation still occurs (no stale exceptions)', () => {
    expect(knownQuirks.filter((q) => !usedQuirks.has(q)).map((q) => `${q.file} ${q.path}`)).toEqual([])
  })
})
