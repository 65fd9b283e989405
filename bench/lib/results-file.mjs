/**
 * bench/results.json keeps the latest figures of every section (a partial run replaces only its sections);
 * bench/RESULTS.md is the same as a short table for the README, with the machine it was measured on.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'

const jsonPath = fileURLToPath(new URL('../results.json', import.meta.url))
const markdownPath = fileURLToPath(new URL('../RESULTS.md', import.meta.url))
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function machineInfo() {
  let chromium = 'not found'
  try {
    // Debian's wrapper script prints a harmless shell warning on stderr; the version is on stdout.
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch (error) {
    chromium = `unavailable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`
  }
  const cpus = os.cpus()
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    os: `${os.type()} ${os.release()}`,
  }
}

export async function writeResults(ran, order) {
  const previous = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, 'utf8')) : { sections: {} }
  const machine = machineInfo()
  const sections = { ...previous.sections }
  for (const [name, entry] of Object.entries(ran)) sections[name] = { ...entry, machine }
  const ordered = Object.fromEntries(
    order.filter((name) => sections[name]).map((name) => [name, sections[name]]),
  )
  // Formatted like every other file, so `prettier --check .` (npm test) stays green after a bench run.
  const pretty = async (text, path) => format(text, { ...(await resolveConfig(path)), filepath: path })
  writeFileSync(jsonPath, await pretty(JSON.stringify({ sections: ordered }), jsonPath))
  writeFileSync(markdownPath, await pretty(renderMarkdown(ordered), markdownPath))
}

const cell = (value) => (value === undefined || value === null ? '' : String(value).replaceAll('|', '\\|'))

function renderMarkdown(sections) {
  const lines = [
    '# Benchmark results',
    '',
    'Latest figures of `npm run bench` (issue #7), one section per row group; regenerate with `npm run bench`',
    '(or `npm run bench -- --only=fake,bundle`). Fixed tenant: `MOCK_SEED=42`, `MOCK_NOW=2026-11-20T12:00:00Z`,',
    'default size (≥ 1 M sign-ins). Values are medians of interleaved repetitions unless the note says otherwise.',
    'The machine is shared and noisy (2 cores, other processes running): compare ratios, not absolute times.',
    '',
  ]
  const machines = new Set(Object.values(sections).map((entry) => JSON.stringify(entry.machine)))
  for (const machine of machines) {
    const m = JSON.parse(machine)
    const names = Object.entries(sections)
      .filter(([, entry]) => JSON.stringify(entry.machine) === machine)
      .map(([name, entry]) => `${name} (${entry.date.slice(0, 10)})`)
    lines.push(
      `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.chromium} — sections ${names.join(', ')}.`,
      '',
    )
  }
  lines.push(
    '| name | value | unit | baseline | ratio | target | met | note |',
    '| --- | ---: | --- | ---: | ---: | --- | --- | --- |',
  )
  const unmet = []
  for (const entry of Object.values(sections)) {
    for (const r of entry.results) {
      const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**'
      if (r.met === false) unmet.push(r)
      lines.push(
        `| ${cell(r.name)} | ${cell(r.value)} | ${cell(r.unit)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${cell(r.target)} | ${met} | ${cell(r.note)} |`,
      )
    }
  }
  lines.push('', '## Targets not met', '')
  if (unmet.length === 0) lines.push('None.')
  for (const r of unmet)
    lines.push(
      `- \`${r.name}\`: ${r.value} ${r.unit}, target ${r.target ?? 'n/a'}${r.note ? ` — ${r.note}` : ''}`,
    )
  lines.push('')
  return lines.join('\n')
}
