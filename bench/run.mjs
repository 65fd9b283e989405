#!/usr/bin/env node
/**
 * `npm run bench` (issue #7): one command, reproducible (fixed MOCK_SEED/MOCK_NOW, see lib/fake-graph.mjs),
 * printing one JSON object per line on stdout; progress goes to stderr. Each comparison runs both sides in
 * this same run, interleaved, and reports medians (2 shared cores: noise is the norm here).
 *
 *   npm run bench                          every section but the opt-in ones (files-large)
 *   npm run bench -- --only=fake,bundle    some sections
 *   npm run bench -- --reps=3              fewer repetitions (quicker, noisier)
 *   npm run bench -- --no-write            do not update bench/RESULTS.md and bench/results.json
 *
 * Sections that ran replace their entry in bench/results.json; bench/RESULTS.md is rebuilt from it.
 */
import { createReporter, log } from './lib/output.mjs'
import { writeResults } from './lib/results-file.mjs'
import * as fake from './sections/fake-graph.mjs'
import * as fakeMemory from './sections/fake-memory.mjs'
import * as downloads from './sections/downloads.mjs'
import * as throttle from './sections/throttle.mjs'
import * as bundle from './sections/bundle.mjs'
import * as startup from './sections/startup.mjs'
import * as grid from './sections/grid.mjs'
import * as records from './sections/records.mjs'
import * as exportAll from './sections/export.mjs'
import * as files from './sections/files.mjs'
import * as filesLarge from './sections/files-large.mjs'

const sections = {
  fake,
  'fake-memory': fakeMemory,
  downloads,
  throttle,
  bundle,
  startup,
  grid,
  records,
  export: exportAll,
  files,
  'files-large': filesLarge,
}

function parseArgs(argv) {
  // Opt-in sections (hours of work, gigabytes of disk) run only when named in --only.
  const everyday = Object.keys(sections).filter((name) => !sections[name].optIn)
  const options = { only: everyday, reps: null, write: true }
  for (const arg of argv) {
    const [flag, value = ''] = arg.split('=', 2)
    if (flag === '--only')
      options.only = value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    else if (flag === '--reps') options.reps = Number.parseInt(value, 10)
    else if (flag === '--no-write') options.write = false
    else if (flag === '--help' || flag === '-h') options.help = true
    else throw new Error(`Unknown argument ${arg} (try --help)`)
  }
  const unknown = options.only.filter((name) => !(name in sections))
  if (unknown.length > 0)
    throw new Error(`Unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`)
  if (options.reps !== null && !(options.reps >= 1)) throw new Error('--reps must be a positive integer')
  return options
}

const options = parseArgs(process.argv.slice(2))
if (options.help) {
  process.stderr.write(
    `usage: npm run bench -- [--only=${Object.keys(sections).join(',')}] [--reps=N] [--no-write]\n` +
      Object.entries(sections)
        .map(([name, section]) => `  ${name.padEnd(10)} ${section.description}\n`)
        .join(''),
  )
  process.exit(0)
}

const reporter = createReporter()
const ran = {}
let crashed = 0
const benchStarted = performance.now()
for (const name of options.only) {
  const section = sections[name]
  const before = reporter.results.length
  const started = performance.now()
  log(`${name}: ${section.description}`)
  try {
    await section.run({
      emit: reporter.emit,
      log: (message) => log(`${name}: ${message}`),
      reps: (fallback) => options.reps ?? fallback,
    })
  } catch (error) {
    crashed += 1
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    reporter.emit({
      name: `${name}.error`,
      value: null,
      unit: 'error',
      met: false,
      note: String(error instanceof Error ? error.message : error)
        .split('\n')[0]
        .slice(0, 300),
    })
  }
  log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  ran[name] = { date: new Date().toISOString(), results: reporter.results.slice(before) }
}
log(`total ${((performance.now() - benchStarted) / 1000).toFixed(1)} s`)
if (options.write) await writeResults(ran, Object.keys(sections))
process.exitCode = crashed > 0 ? 1 : 0
