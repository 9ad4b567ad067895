/**
 * Every builder, held to the same rules: the exact request, the body sent as given, every id checked and
 * percent-encoded, and every problem (ids and body) in one ValidationError before anything is built.
 */
import { describe, expect, it } from 'vitest'
import * as requests from '../../../src/requests/index.ts'
import { cases, sampleIds } from './catalogue.ts'
import { issuesOf } from './issues.ts'

const NO_SLASH = "expected an id without '/', '?', '#' or '..'"

describe.each(cases)('$builder', (c) => {
  const ids = c.ids.map((name) => sampleIds[name])

  it(`is ${c.method} ${c.path}${c.apiVersion ? ' (beta)' : ''}, with exactly the body given`, () => {
    const request = c.build(ids)
    expect(request).toStrictEqual({ method: c.method, path: c.path, ...(c.body !== undefined && { body: c.body }), ...(c.apiVersion && { apiVersion: c.apiVersion }), ...(c.resendable && { resendable: true }), ...(c.resultType && { resultType: c.resultType }) })
    if (c.body !== undefined) expect(JSON.parse(JSON.stringify(request.body))).toEqual(c.body)
  })

  it.each(c.ids.map((name, i) => [name, i] as const))('percent-encodes %s', (_, i) => {
    const odd = ids.map((id, j) => (j === i ? 'a b+c%:@' : id))
    expect(c.build(odd).path).toContain('/a%20b%2Bc%25%3A%40')
  })

  it.each(c.ids.flatMap((name, i) => ['', 'x/participants', 'a?b', 'a#b', '..', '.'].map((bad) => [name, bad, i] as const)))('refuses %s %j', (name, bad, i) => {
    const odd = ids.map((id, j) => (j === i ? bad : id))
    expect(issuesOf(() => c.build(odd))).toEqual([{ path: name, message: bad === '' ? 'expected a non-empty string id' : NO_SLASH }])
  })

  const NOT_UTF16 = 'expected an id of well-formed UTF-16 (it holds an unpaired surrogate)'
  it.each(c.ids.flatMap((name, i) => ['abc\uD800', '\uDFFF', 'a\uDFFF\uD800b'].map((bad) => [name, bad, i] as const)))('refuses %s %j, which has no percent-encoding', (name, bad, i) => {
    const odd = ids.map((id, j) => (j === i ? bad : id))
    expect(issuesOf(() => c.build(odd))).toEqual([{ path: name, message: NOT_UTF16 }])
  })

  it.each(c.ids.map((name, i) => [name, i] as const))('percent-encodes a %s with a surrogate pair', (_, i) => {
    const odd = ids.map((id, j) => (j === i ? 'a\u{1F600}' : id))
    expect(c.build(odd).path).toContain('/a%F0%9F%98%80')
  })

  if (c.body !== undefined) {
    it('reports every bad id and every body problem at once, ids first, in one error', () => {
      const bad = { ...(c.body as object), bogusField: 1 }
      expect(issuesOf(() => c.build(c.ids.map(() => ''), bad))).toEqual([
        ...c.ids.map((name) => ({ path: name, message: 'expected a non-empty string id' })),
        { path: '$.bogusField', message: expect.stringMatching(/^is not a property of \w+Params; expected (one of |a known property)/) },
      ])
    })

    it('refuses a body that is not an object', () => {
      expect(issuesOf(() => c.build(ids, 'text'))).toEqual([{ path: '$', message: expect.stringMatching(/^expected an object \(\w+Params\)$/) }])
    })
  }

  it('names the operation and the problem in the error message', () => {
    const odd = c.ids.length > 0 ? ids.map((id, j) => (j === 0 ? '' : id)) : ids
    const params = c.ids.length > 0 ? c.body : 7
    expect(() => c.build(odd, params)).toThrow(c.ids.length > 0 ? /^Invalid \w+ parameters: callId: expected a non-empty string id$/ : /^Invalid \w+ parameters: \$: expected an object/)
  })
})

describe('the builders', () => {
  const helpers = ['serviceHostedMedia', 'appHostedMedia', 'incomingCallOptions', 'outgoingCallOptions', 'mediaPrompt', 'ValidationError']
  const exported = [
    ...Object.entries(requests).filter(([name, v]) => typeof v === 'function' && !helpers.includes(name)).map(([name]) => name),
    ...Object.keys(requests.beta).map((name) => `beta.${name}`),
  ]

  it('are all in the catalogue, and the catalogue holds nothing else', () => {
    expect(cases.map((c) => c.builder).sort()).toEqual(exported.sort())
  })

  it('take no more than three positional parameters', () => {
    const all = [...Object.values(requests), ...Object.values(requests.beta)].filter((v) => typeof v === 'function') as ((...a: unknown[]) => unknown)[]
    expect(all.filter((fn) => fn.length > 3).map((fn) => fn.name)).toEqual([])
  })

  it('default an all-optional body to {}', () => {
    expect(requests.mute('c1').body).toEqual({})
    expect(requests.muteParticipant('c1', 'p1').body).toEqual({})
    expect(requests.recordResponse('c1').body).toEqual({})
    expect(requests.beta.muteAll('c1').body).toEqual({})
  })

  it('send keepAlive with no body at all, as Graph asks', () => {
    expect('body' in requests.keepAlive('c1')).toBe(false)
  })
})
