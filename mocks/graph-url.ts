/**
 * Which URLs the fake Graph answers. A module of its own, so the browser's MSW bridge (mocks/browser.ts)
 * can match Graph URLs on the page without loading the engine (issue #16).
 *
 * Every path on https://graph.microsoft.com (so unknown segments get Graph's 400), plus `/v1.0/…` and
 * `/beta/…` on any origin, for the standalone server on 127.0.0.1 whose nextLinks keep its own origin
 * (spec §6.3). Other origins stay untouched so the app's own assets are never intercepted in the browser.
 * No capture groups: MSW decodes captured params with decodeURIComponent, which throws on a malformed `%`.
 */
export const GRAPH_URL_PATTERN =
  /^(?:https:\/\/graph\.microsoft\.com(?:[/?#]|$)|https?:\/\/[^/?#]+\/(?:v1\.0|beta)(?:[/?#]|$))/i
