/**
 * A memoising HTTP proxy in front of the fake Graph, for the download benchmark: the first walk is served
 * (and timed) by the fake itself; later repetitions get the very same bytes from memory, so they measure the
 * client side (paging, encoding, memory) rather than the record generator, which both sides share anyway.
 * The Host header is passed through, so the fake writes nextLinks that point back at this proxy.
 */
import { createServer, request as httpRequest } from 'node:http'

export async function startCachingProxy(upstreamUrl) {
  const upstream = new URL(upstreamUrl)
  const cache = new Map()
  let misses = 0
  const server = createServer((req, res) => {
    const hit = req.method === 'GET' ? cache.get(req.url) : undefined
    if (hit) {
      res.writeHead(hit.status, hit.headers).end(hit.body)
      return
    }
    misses += 1
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (reply) => {
        const chunks = []
        reply.on('data', (chunk) => chunks.push(chunk))
        reply.on('end', () => {
          const body = Buffer.concat(chunks)
          const headers = { ...reply.headers, 'content-length': String(body.byteLength) }
          delete headers['transfer-encoding']
          if (reply.statusCode === 200 && req.method === 'GET')
            cache.set(req.url, { status: 200, headers, body })
          res.writeHead(reply.statusCode ?? 502, headers).end(body)
        })
        reply.on('error', () => res.destroy())
      },
    )
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get misses() {
      return misses
    },
    get cachedBytes() {
      let total = 0
      for (const entry of cache.values()) total += entry.body.byteLength
      return total
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
