// @vitest-environment node
/**
 * The CLI against the standalone fake over HTTP: a run killed (SIGKILL) mid-way and run again produces the same
 * files and manifest as an uninterrupted run. The child process is the real `npm run export` entry.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportCheckpoint } from '../../features/sign-in-logs/export/all/checkpoint.ts'
import {
  startStandaloneFake,
  type StandaloneFake,
} from '../../features/data-source/testing/standalone-fake.ts'
import { CHECKPOINT_FILE_NAME } from './node-store.ts'
import { main, TOKEN_VARIABLE, type CliIo } from './export-cli.ts'

const MOCK_NOW = '2026-11-20T12:00:00Z'
const RANGE = ['--since', '2026-11-20T06:00:00Z', '--until', MOCK_NOW]
let fake: StandaloneFake
let root: string

beforeAll(async () => {
  fake = await startStandaloneFake({ MOCK_SIZE: 'default', MOCK_NOW }, 120_000)
  root = await mkdtemp(join(tmpdir(), 'export-cli-'))
}, 130_000)
afterAll(async () => {
  await fake?.stop()
  if (root) await rm(root, { recursive: true, force: true })
})

function io(overrides: Partial<CliIo> = {}) {
  const out: string[] = []
  const err: string[] = []
  const value: CliIo = {
    env: {},
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    isTty: false,
    now: () => new Date(MOCK_NOW),
    ...overrides,
  }
  return { io: value, out, err }
}

async function folderContents(folder: string): Promise<Record<string, unknown>> {
  const names = (await readdir(folder)).filter((name) => name !== CHECKPOINT_FILE_NAME).sort()
  const contents: Record<string, unknown> = {}
  for (const name of names) {
    const text = await readFile(join(folder, name), 'utf8')
    // The manifest says when each run started and ended; everything else must be identical.
    contents[name] = name === 'manifest.json' ? { ...JSON.parse(text), createdAt: '', completedAt: '' } : text
  }
  return contents
}

async function checkpointOf(folder: string): Promise<ExportCheckpoint | null> {
  try {
    return JSON.parse(await readFile(join(folder, CHECKPOINT_FILE_NAME), 'utf8')) as ExportCheckpoint
  } catch {
    return null
  }
}

test('killed mid-way and run again, the output equals an uninterrupted run', async () => {
  const whole = join(root, 'whole')
  const run = io()
  expect(await main([...RANGE, '--types', 'all', '--out', whole, '--mock-url', fake.url], run.io)).toBe(0)
  const expected = await folderContents(whole)
  const manifest = expected['manifest.json'] as { files: { records: number }[] }
  expect(manifest.files).toHaveLength(4)
  expect(manifest.files.reduce((sum, file) => sum + file.records, 0)).toBeGreaterThan(3000)

  const resumed = join(root, 'resumed')
  const child = spawn(
    process.execPath,
    ['scripts/export.mjs', ...RANGE, '--types', 'all', '--out', resumed, '--mock-url', fake.url],
    { cwd: process.cwd(), stdio: 'ignore' },
  )
  const exited = new Promise((resolve) => child.once('exit', resolve))
  // Kill it once some pages are checkpointed and some are not.
  for (const deadline = Date.now() + 90_000; ;) {
    const checkpoint = await checkpointOf(resumed)
    const pages = checkpoint?.types.reduce((sum, type) => sum + type.pages, 0) ?? 0
    if (pages >= 2) break
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the export never got under way')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  child.kill('SIGKILL')
  await exited
  const killedAt = await checkpointOf(resumed)
  expect(killedAt?.status).toBe('running')
  expect(killedAt?.types.every((type) => type.done)).toBe(false)

  const again = io()
  expect(await main([...RANGE, '--types', 'all', '--out', resumed, '--mock-url', fake.url], again.io)).toBe(0)
  expect(again.err.join('')).toContain('Resuming the export')
  expect(await folderContents(resumed)).toEqual(expected)
}, 240_000)

test('the token comes only from the environment and is never printed', async () => {
  const refused = io()
  expect(await main([...RANGE, '--out', join(root, 'x'), '--token', 'secret-value'], refused.io)).toBe(2)
  expect(refused.err.join('')).toContain(`set ${TOKEN_VARIABLE} in the environment`)
  expect(refused.err.join('')).not.toContain('secret-value')

  const missing = io()
  expect(await main([...RANGE, '--out', join(root, 'y')], missing.io)).toBe(2)
  expect(missing.err.join('')).toContain(`Set ${TOKEN_VARIABLE}`)

  // The real-Graph path (no --mock) with the token from the environment: it is sent, and printed nowhere.
  const token = 'opaque-secret-token-signature'
  const withToken = io({ env: { [TOKEN_VARIABLE]: token } })
  const argv = ['--since', '2026-11-20T11:00:00Z', '--until', MOCK_NOW, '--types', 'managed-identity']
  const code = await main([...argv, '--out', join(root, 'graph'), '--graph-url', fake.url], withToken.io)
  expect(withToken.err.join('')).not.toContain('Failed')
  expect(code).toBe(0)
  expect([...withToken.out, ...withToken.err].join('')).not.toContain('secret-token-signature')
  expect(await readFile(join(root, 'graph', CHECKPOINT_FILE_NAME), 'utf8')).not.toContain('secret-token')
}, 60_000)

test('bad arguments get one clear message each', async () => {
  const cases: [string[], RegExp][] = [
    [['--since', 'yesterday', '--out', 'o', '--mock'], /--since must be a date/],
    [
      ['--since', '2026-11-19', '--out', 'o', '--types', 'everything', '--mock'],
      /Unknown log type "everything"/,
    ],
    [['--since', '2026-11-19', '--out', 'o', '--format', 'xml', '--mock'], /--format must be ndjson or csv/],
    [['--since', '2026-09-01', '--out', 'o', '--mock'], /30 days/],
    [['--since', '2026-11-19'], /--out <folder> is required/],
  ]
  for (const [argv, message] of cases) {
    const run = io()
    expect(await main(argv, run.io)).toBe(2)
    expect(run.err.join('')).toMatch(message)
  }
})
