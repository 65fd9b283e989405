/** Test helpers: real fixtures from ../shared when present, and reading a whole file into one list. */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readSignInFile, type FileReadSummary, type FileRecord, type ReadFileOptions } from './read-file.ts'

export const REAL_FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/real/', import.meta.url))
export const SPEC_DIR = fileURLToPath(new URL('../../../../shared/spec/', import.meta.url))
export const haveRealFixtures = existsSync(REAL_FIXTURES)

if (!haveRealFixtures) {
  console.warn(`Real fixtures are absent (${REAL_FIXTURES}): the tests against them are skipped.`)
}

export function realFile(name: string, as = name): File {
  return new File([readFileSync(REAL_FIXTURES + name)], as)
}

export async function readAll(
  file: File,
  options?: ReadFileOptions,
): Promise<{ records: FileRecord[]; summary: FileReadSummary }> {
  const records: FileRecord[] = []
  const reading = readSignInFile(file, options)
  for (;;) {
    const next = await reading.next()
    if (next.done) return { records, summary: next.value }
    records.push(...next.value)
  }
}

export function gzip(text: string): Promise<File> {
  const stream = new Blob([text])
    .stream()
    .pipeThrough(new CompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>)
  return new Response(stream).blob().then((blob) => new File([blob], 'export.ndjson.gz'))
}
