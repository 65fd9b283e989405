import { opfsWorkerChannel } from './opfs-files.ts'

function fakeWorker() {
  const posted: { id: number }[] = []
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage: (message: { id: number }) => void posted.push(message),
  }
  return { worker, posted }
}

test('replies settle their own request', async () => {
  const { worker, posted } = fakeWorker()
  const channel = opfsWorkerChannel(worker as unknown as Worker)
  const first = channel.send({ op: 'close', exportId: 'e', name: 'a' })
  const second = channel.send({ op: 'close', exportId: 'e', name: 'b' })
  worker.onmessage!({ data: { id: posted[1]!.id, ok: false, message: 'disk full' } } as MessageEvent)
  worker.onmessage!({ data: { id: posted[0]!.id, ok: true } } as MessageEvent)
  await expect(first).resolves.toBeUndefined()
  await expect(second).rejects.toThrow('disk full')
})

test('a worker that cannot start fails what waits and what comes, instead of hanging', async () => {
  const { worker } = fakeWorker()
  const channel = opfsWorkerChannel(worker as unknown as Worker)
  const waiting = channel.send({ op: 'open', exportId: 'e', name: 'a', offset: 0 })
  worker.onerror!(new ErrorEvent('error', { message: 'blocked by policy' }))
  await expect(waiting).rejects.toThrow('The browser storage worker stopped: blocked by policy')
  await expect(channel.send({ op: 'close', exportId: 'e', name: 'a' })).rejects.toThrow(/stopped/)
})
