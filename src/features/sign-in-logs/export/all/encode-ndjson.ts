/** NDJSON (https://github.com/ndjson/ndjson-spec): one Graph sign-in object per line, as Graph sent it. */
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import type { RecordEncoder } from '../encode-csv.ts'

export function createNdjsonEncoder(): RecordEncoder {
  return {
    mimeType: 'application/x-ndjson',
    start: () => '',
    encode(records: readonly BetaSignIn[]) {
      let out = ''
      for (const record of records) out += JSON.stringify(record) + '\n'
      return out
    },
    end: () => '',
  }
}
