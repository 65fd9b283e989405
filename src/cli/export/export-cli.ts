/**
 * `npm run export -- --since 2026-11-01 --types all --format ndjson --out ./evidence` (issue #13): the browser's
 * export engine in Node, against real Graph with a token from an environment variable (never an argument,
 * never printed), or against the mock tenant (`--mock`: a spawned standalone fake, or `--mock-url`). The
 * checkpoint is a file beside the output; running the same command again resumes it.
 */
import { parseArgs } from 'node:util'
import { createGraphClient } from '../../lib/graph/index.ts'
import { MOCK_ACCESS_TOKEN } from '../../lib/data-source/data-source.tsx'
import { createRequestScheduler, createScheduledFetch } from '../../lib/scheduler/request-scheduler.ts'
import {
  allTypes,
  createExportPlan,
  ExportPlanError,
  isUserType,
  type ExportFormat,
  type ExportTypeSpec,
} from '../../features/sign-in-logs/export/all/export-plan.ts'
import { runExport } from '../../features/sign-in-logs/export/all/run-export.ts'
import { startStandaloneFake } from '../../features/data-source/testing/standalone-fake.ts'
import { tabIds, type TabId } from '../../features/sign-in-logs/model/tabs.ts'
import { nodeCheckpointStore, nodeFileStore } from './node-store.ts'
import { formatProgressLine } from './progress-line.ts'

export const TOKEN_VARIABLE = 'GRAPH_ACCESS_TOKEN'

const usage = `usage: npm run export -- --since <date> [--until <date>] [--types all|<type>,…] [--format ndjson|csv]
                         --out <folder> [--mock | --mock-url <url> | --graph-url <url>]
  types: ${tabIds.join(', ')}
  The access token comes from the environment variable ${TOKEN_VARIABLE} (never from an argument).
  Run the same command again to resume; the checkpoint is ${'.export-checkpoint.json'} in the output folder.
`

export interface CliIo {
  env: Record<string, string | undefined>
  stdout: (text: string) => void
  stderr: (text: string) => void
  isTty: boolean
  now: () => Date
  signal?: AbortSignal
}

class UsageError extends Error {}

function parseTypes(value: string, format: ExportFormat): ExportTypeSpec[] {
  if (value === 'all') return allTypes(format)
  return value.split(',').map((name) => {
    const type = name.trim() as TabId
    if (!tabIds.includes(type))
      throw new UsageError(`Unknown log type "${name}": use all or ${tabIds.join(', ')}.`)
    return { type, format, authDetails: isUserType(type) }
  })
}

function parseDate(value: string, name: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`--${name} must be a date like 2026-11-01 or 2026-11-01T12:00:00Z.`)
  return date
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let args
  try {
    args = parseArgs({
      args: argv,
      options: {
        since: { type: 'string' },
        until: { type: 'string' },
        types: { type: 'string', default: 'all' },
        format: { type: 'string', default: 'ndjson' },
        out: { type: 'string' },
        mock: { type: 'boolean', default: false },
        'mock-url': { type: 'string' },
        'graph-url': { type: 'string', default: 'https://graph.microsoft.com' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values
  } catch (error) {
    const message = (error as Error).message
    if (/token/i.test(message))
      io.stderr(`A token is never passed as an argument: set ${TOKEN_VARIABLE} in the environment instead.\n`)
    else io.stderr(`${message}\n`)
    io.stderr(usage)
    return 2
  }
  if (args.help) {
    io.stdout(usage)
    return 0
  }
  const out = args.out
  const format = args.format as ExportFormat
  try {
    if (!out) throw new UsageError('--out <folder> is required.')
    if (format !== 'ndjson' && format !== 'csv') throw new UsageError('--format must be ndjson or csv.')
    if (!args.since) throw new UsageError('--since <date> is required.')
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`)
    return 2
  }

  const files = nodeFileStore(out)
  const checkpoints = nodeCheckpointStore(out)
  const now = io.now()
  let plan
  try {
    const since = parseDate(args.since, 'since')
    const until = args.until ? parseDate(args.until, 'until') : now
    const types = parseTypes(args.types, format)
    const id = `export-${since.toISOString()}-${until.toISOString()}-${types.map((t) => `${t.type}.${t.format}`).join('+')}`
    plan = createExportPlan({ id, from: since, to: until, now, types })
    const [existing] = await checkpoints.list()
    if (existing && existing.plan.id !== plan.id)
      throw new UsageError(
        `${out} holds another export (${existing.plan.from} to ${existing.plan.to}); choose another --out or delete it.`,
      )
    if (existing) io.stderr(`Resuming the export in ${out} from its checkpoint.\n`)
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExportPlanError) {
      io.stderr(`${error.message}\n`)
      return 2
    }
    throw error
  }

  const mock = args.mock || args['mock-url'] !== undefined
  const token = mock ? MOCK_ACCESS_TOKEN : io.env[TOKEN_VARIABLE]
  if (!token) {
    io.stderr(
      `Set ${TOKEN_VARIABLE} to an access token for Microsoft Graph (AuditLog.Read.All), or use --mock.\n`,
    )
    return 2
  }
  const spawned = mock && !args['mock-url'] ? await startStandaloneFake({}, 120_000) : null
  const baseUrl = args['mock-url'] ?? spawned?.url ?? args['graph-url']
  try {
    const scheduler = createRequestScheduler({ budget: mock ? 'after-throttle' : 'always' })
    const client = createGraphClient({
      baseUrl,
      getAccessToken: async () => token,
      fetch: createScheduledFetch(scheduler, (input, init) => fetch(input, init), 'background'),
    })
    let lastLine = 0
    const outcome = await runExport({
      client,
      files,
      checkpoints,
      plan,
      signal: io.signal,
      now: io.now,
      onProgress: (progress) => {
        const at = performance.now()
        if (at - lastLine < 1000 && progress.types.some((type) => !type.done)) return
        lastLine = at
        const line = formatProgressLine(progress, scheduler.budget, plan)
        io.stderr(io.isTty ? `\r${line}\x1b[K` : `${line}\n`)
      },
    })
    if (io.isTty) io.stderr('\n')
    switch (outcome.kind) {
      case 'done':
        for (const file of outcome.manifest.files)
          io.stdout(`${file.name}\t${file.records} records\tsha256 ${file.sha256}\n`)
        io.stdout(`manifest.json written in ${out}\n`)
        return 0
      case 'paused':
        io.stderr('Stopped. Run the same command again to resume.\n')
        return 3
      case 'interrupted':
        io.stderr(`Interrupted: ${outcome.error.userMessage}\nRun the same command again to resume.\n`)
        return 3
      case 'failed':
        io.stderr(`Failed: ${outcome.error.message}\n`)
        return 1
    }
    return 1
  } finally {
    await spawned?.stop()
  }
}
