/**
 * The one error type the OData layer throws. Handlers map it to Graph's error body
 * `{error:{code,message,innerError:{…}}}` (spec §4.1); every invalid $filter is
 * `400 BadRequest "Invalid filter clause…"` (spec §4.2).
 */
export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ODataError'
  }
}

/** Graph's message for every rejected $filter (spec §4.2); the detail mimics ASP.NET OData's wording. */
export const INVALID_FILTER_CLAUSE = 'Invalid filter clause'

const MAX_ECHOED_CHARS = 120

/** Quotes (a bounded prefix of) user text for an error message, so huge inputs don't bloat the body. */
export function echo(text: string): string {
  return text.length > MAX_ECHOED_CHARS ? `'${text.slice(0, MAX_ECHOED_CHARS)}…'` : `'${text}'`
}

export function invalidFilter(detail: string): ODataError {
  return new ODataError(400, 'BadRequest', `${INVALID_FILTER_CLAUSE}: ${detail}`)
}
