import { describe, expect, it } from 'vitest'
import { createRequestContext, jsonResponse } from './envelope.ts'

const ctx = createRequestContext(new Request('http://127.0.0.1/'), Date.UTC(2026, 10, 20))

async function chunksOf(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = []
  for await (const chunk of response.body!) chunks.push(chunk)
  return chunks
}

describe('jsonResponse', () => {
  it('streams a large collection in small chunks whose bytes equal JSON.stringify of the page', async () => {
    const record = (i: number) => ({ id: `id-${i}`, name: `Zoë "${i}" \u2028`, nested: { list: [i, null] } })
    const body = {
      '@odata.context': 'http://127.0.0.1/beta/$metadata#auditLogs/signIns',
      '@odata.nextLink': 'http://127.0.0.1/beta/auditLogs/signIns?$skiptoken=x',
      value: Array.from({ length: 5000 }, (_, i) => record(i)),
    }
    const chunks = await chunksOf(jsonResponse(ctx, 200, body))
    // No chunk reaches V8's large-object size, so a page never lives as one big string.
    expect(chunks.length).toBeGreaterThan(4)
    for (const chunk of chunks) expect(chunk.byteLength).toBeLessThan(128 * 1024)
    expect(Buffer.concat(chunks).toString('utf8')).toBe(JSON.stringify(body))
  })

  it('serialises empty collections, value-only bodies and non-collections exactly', async () => {
    for (const body of [
      { value: [] },
      { '@odata.context': 'c', value: [] },
      { value: [1, 'two', null] },
      { error: { code: 'BadRequest', message: 'x' } },
      { '@odata.context': 'c', id: 'one entity' },
    ]) {
      expect(await jsonResponse(ctx, 200, body).text()).toBe(JSON.stringify(body))
    }
  })
})
