import { describeUrl } from './describe-url.ts'
import { prettyFilter } from './pretty-filter.ts'

describe('prettyFilter', () => {
  test('puts every and/or of a chain on its own line and indents a parenthesised chain', () => {
    const filter =
      "createdDateTime ge 2026-11-19T12:00:00Z and (status/errorCode eq 0 or status/errorCode eq 50126) and signInEventTypes/any(t: t eq 'interactiveUser')"
    expect(prettyFilter(filter)).toBe(
      [
        'createdDateTime ge 2026-11-19T12:00:00Z',
        'and (',
        '  status/errorCode eq 0',
        '  or status/errorCode eq 50126',
        ')',
        "and signInEventTypes/any(t: t eq 'interactiveUser')",
      ].join('\n'),
    )
  })

  test('opens a lambda that holds a chain, nesting one level per parenthesis', () => {
    expect(prettyFilter("a eq 1 and x/any(t: t eq 'p' or (t eq 'q' and t ne 'r'))")).toBe(
      [
        'a eq 1',
        'and x/any(',
        "  t: t eq 'p'",
        '  or (',
        "    t eq 'q'",
        "    and t ne 'r'",
        '  )',
        ')',
      ].join('\n'),
    )
  })

  test('never breaks inside a string literal, quotes escaped as two quotes included', () => {
    const filter = "userDisplayName eq 'Tom and Jerry (or ''Bob'')' or startswith(appDisplayName,'x or y')"
    expect(prettyFilter(filter)).toBe(
      ["userDisplayName eq 'Tom and Jerry (or ''Bob'')'", "or startswith(appDisplayName,'x or y')"].join(
        '\n',
      ),
    )
  })

  test('a word that merely contains and/or is not an operator; unicode passes through', () => {
    expect(prettyFilter("userPrincipalName eq 'ørjan@contoso.com' and brandon eq 'Zoë 日本'")).toBe(
      ["userPrincipalName eq 'ørjan@contoso.com'", "and brandon eq 'Zoë 日本'"].join('\n'),
    )
  })

  test('unbalanced input comes back unchanged rather than half laid out', () => {
    for (const broken of ["a eq 'x and b eq 1", 'a eq 1 and (b eq 2', 'a eq 1) or (b eq 2']) {
      expect(prettyFilter(broken)).toBe(broken)
    }
  })

  test('a filter without a chain stays one line, its spaces collapsed', () => {
    expect(prettyFilter("  startswith(userPrincipalName,  'a')  ")).toBe("startswith(userPrincipalName, 'a')")
  })
})

describe('describeUrl', () => {
  test('decodes the path and each parameter once, and lays the $filter out', () => {
    const url =
      "https://graph.microsoft.com/beta/auditLogs/signIns?$top=50&$filter=createdDateTime%20ge%202026-11-19T12%3A00%3A00Z%20and%20(userDisplayName%20eq%20'O''Brien%20%E6%97%A5'%20or%20appId%20eq%20'x')"
    const described = describeUrl(url)
    expect(described.resource).toBe('https://graph.microsoft.com/beta/auditLogs/signIns')
    expect(described.path).toBe('/beta/auditLogs/signIns')
    expect(described.filter).toBe(
      "createdDateTime ge 2026-11-19T12:00:00Z and (userDisplayName eq 'O''Brien 日' or appId eq 'x')",
    )
    expect(described.parameters).toEqual([
      { name: '$top', value: '50' },
      {
        name: '$filter',
        value: [
          'createdDateTime ge 2026-11-19T12:00:00Z',
          'and (',
          "  userDisplayName eq 'O''Brien 日'",
          "  or appId eq 'x'",
          ')',
        ].join('\n'),
      },
    ])
    expect(described.decoded).toBe(
      "https://graph.microsoft.com/beta/auditLogs/signIns?$top=50&$filter=createdDateTime ge 2026-11-19T12:00:00Z and (userDisplayName eq 'O''Brien 日' or appId eq 'x')",
    )
  })

  test('keeps a + as a plus (base64 in a skiptoken) and a stray % as sent', () => {
    const described = describeUrl(
      'https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=ab+c/d==&x=100%',
    )
    expect(described.parameters).toEqual([
      { name: '$skiptoken', value: 'ab+c/d==' },
      { name: 'x', value: '100%' },
    ])
    expect(described.filter).toBeNull()
  })

  test('a URL without a query has no parameters', () => {
    expect(describeUrl('https://graph.microsoft.com/beta/auditLogs/signIns/abc')).toMatchObject({
      path: '/beta/auditLogs/signIns/abc',
      parameters: [],
      filter: null,
    })
  })
})
