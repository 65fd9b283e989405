/**
 * Hostile-but-valid strings, deliberately planted in a small deterministic share of the data so the
 * app's rendering, filters (quote doubling, graph-api.md §2.3) and CSV/JSON exports (formula
 * injection, delimiters, newlines) are tested against them:
 *
 * - one custom app display name per kind below (HTML/script, spreadsheet formula, quotes + commas,
 *   newline, emoji/non-BMP); each is a regular line-of-business app that signs in like any other;
 * - one user display name with an apostrophe (O'Brien) and one with emoji;
 * - a service principal named like a DDE formula;
 * - ~0.5% of interactive browser sign-ins carry a user agent with `<script>`, quotes, commas.
 */
export const hostileAppNames = [
  'Contoso <script>alert("xss")</script> Portal',
  '=HYPERLINK("http://evil.example/","Click me")',
  'Reports, "Quarterly" & Annual',
  'Line one\nLine two App',
  'Café ☕ Rewards 🎉',
] as const

export const hostileUserNames = [
  { first: 'Conan', last: "O'Brien" },
  { first: 'Zoë 🚀', last: 'Ångström' },
] as const

export const hostileServicePrincipalName = "=cmd|' /C calc'!A0"

export const hostileUserAgents = [
  'Mozilla/5.0 (X11; Linux x86_64) <script>alert(1)</script> Gecko/20100101 Firefox/126.0',
  'curl/8.5.0 "quoted", with, commas; =SUM(A1:A9)',
] as const

/** Per-mille of interactive browser sign-ins that use a hostile user agent. */
export const hostileUserAgentPerMille = 5
