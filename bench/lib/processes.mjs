/** Child processes for the bench: free ports, start-and-wait-for-ready, peak memory, clean stop. */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

/** A port the OS says is free right now (bind :0, read it, release it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts `command args`; `started` resolves once stdout matches `ready` (with the match), or rejects with the
 * child's output when it exits first or `timeoutMs` passes. Without `ready` it resolves at once (null).
 */
export function startProcess(command, args, { env = {}, ready, timeoutMs = 60_000, cwd = projectRoot } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const readyWaiters = []
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    output += chunk
    for (const check of readyWaiters) check()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk))
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const started = new Promise((resolve, reject) => {
    if (!ready) {
      resolve(null)
      return
    }
    const timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs)
    const fail = (error) => {
      clearTimeout(timer)
      reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${output.slice(-2000)}`))
    }
    readyWaiters.push(() => {
      const match = ready.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    })
    exited.then(({ code, signal }) => fail(new Error(`exited early (code ${code}, signal ${signal})`)))
  })
  return {
    child,
    started,
    exited,
    output: () => output,
    /** SIGTERM, then SIGKILL after 5 s; resolves when the process is gone. Only ever this child's pid. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Peak resident set size of a live process in bytes (Linux /proc/<pid>/status VmHWM), or null. */
export function peakRssBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)
    return match ? Number(match[1]) * 1024 : null
  } catch (error) {
    if (error.code === 'ENOENT') return null
    throw error
  }
}

/** CPU time (user + system) a live process has used, in milliseconds (Linux /proc/<pid>/stat), or NaN. */
export function cpuMillis(pid) {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them, in ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND
  } catch (error) {
    if (error.code === 'ENOENT') return Number.NaN
    throw error
  }
}

/** USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100

/** Runs a Node script to completion and parses the last stdout line as JSON (the child's result). */
export function runNodeJson(script, args = [], { nodeArgs = [], env = {}, timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      const last = stdout.trim().split('\n').pop() ?? ''
      if (code !== 0) {
        reject(
          new Error(
            `${script} ${args.join(' ')} failed (code ${code}, signal ${signal}):\n${stderr.slice(-3000)}`,
          ),
        )
        return
      }
      try {
        resolve(JSON.parse(last))
      } catch {
        reject(new Error(`${script} printed no JSON result:\n${stdout.slice(-1000)}\n${stderr.slice(-2000)}`))
      }
    })
  })
}
