/**
 * Starts the fake Graph's standalone server (`node mocks/serve.mjs`, helper "handlers") as a child process on a
 * free port, one per scenario. A separate process keeps src/ from importing mocks/ (common.md) and exercises the
 * real HTTP path: our production client, only its base URL changed.
 */
import { spawn, type ChildProcess } from 'node:child_process'

export interface StandaloneFake {
  url: string
  stop(): Promise<void>
}

export function startStandaloneFake(
  env: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<StandaloneFake> {
  const child: ChildProcess = spawn(process.execPath, ['mocks/serve.mjs'], {
    cwd: process.cwd(),
    env: { ...process.env, MOCK_PORT: '0', MOCK_SIZE: 'small', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`The standalone fake did not start within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (https?:\/\/[^\s]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ url: match[1], stop })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The standalone fake exited with ${code}:\n${output}`))
    })
  })
}
