/**
 * A file as a stream of text chunks, never one string: big exports are GBs. Gzip is recognised by its magic
 * bytes (not the name, which tools drop) and inflated with the platform's DecompressionStream.
 */

export interface ByteProgress {
  /** Bytes of the file read so far (compressed bytes for a gzip file, so it matches the file's size). */
  bytesRead: number
  totalBytes: number
}

const GZIP_MAGIC = [0x1f, 0x8b]

export async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer())
  return head.length === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]
}

function countingStream(
  totalBytes: number,
  onProgress: ((progress: ByteProgress) => void) | undefined,
): TransformStream<Uint8Array, Uint8Array> {
  let bytesRead = 0
  return new TransformStream({
    transform(chunk, controller) {
      bytesRead += chunk.byteLength
      onProgress?.({ bytesRead, totalBytes })
      controller.enqueue(chunk)
    },
  })
}

/** The file's text in chunks, a leading UTF-8 BOM removed (Log Analytics CSVs carry one). */
export async function* textChunks(
  file: Blob,
  onProgress?: (progress: ByteProgress) => void,
): AsyncGenerator<string> {
  const gzip = await isGzip(file)
  let bytes: ReadableStream<Uint8Array> = file.stream().pipeThrough(countingStream(file.size, onProgress))
  if (gzip)
    bytes = bytes.pipeThrough(new DecompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>)
  // fatal: a binary file fails with a message rather than turning into replacement characters.
  const text = bytes.pipeThrough(
    new TextDecoderStream('utf-8', { fatal: true }) as unknown as TransformStream<Uint8Array, string>,
  )
  const reader = text.getReader()
  let first = true
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      if (first && value.length > 0) {
        first = false
        yield value.charCodeAt(0) === 0xfeff ? value.slice(1) : value
      } else if (value.length > 0) {
        yield value
      }
    }
  } finally {
    reader.releaseLock()
  }
}
