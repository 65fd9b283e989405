/**
 * JSON files (downloads.md §3): one top-level array of Graph beta `signIn` objects, as Graph sent
 * them (camelCase, nested objects and arrays, `authenticationDetails` included, UTC strings kept),
 * without `@odata.context` or a `value` wrapper. The portal's whitespace is undocumented [U]; we write
 * `[`, one compact record per line separated by `,`, then `]`: still one JSON document, but written
 * page by page without holding the file.
 */
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import type { RecordEncoder } from './encode-csv.ts'

export function createJsonEncoder(): RecordEncoder {
  let first = true
  return {
    mimeType: 'application/json',
    start: () => '[\n',
    encode(records: readonly BetaSignIn[]) {
      let out = ''
      for (const record of records) {
        out += (first ? '' : ',\n') + JSON.stringify(record)
        first = false
      }
      return out
    },
    end: () => (first ? ']\n' : '\n]\n'),
  }
}
