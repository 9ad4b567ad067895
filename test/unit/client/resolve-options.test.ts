import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/errors.ts'
import { resolveOptions } from '../../../src/client/resolve-options.ts'
import type { CallingClientOptions } from '../../../src/client/calling-client-options.ts'

const credential = async () => ({ token: 't', expiresOnTimestamp: 0 })

function issuesOf(options: unknown) {
  try {
    resolveOptions(options as CallingClientOptions)
    return []
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError)
    return (e as ValidationError).issues
  }
}

describe('CallingClient options', () => {
  it('fills in the defaults', () => {
    expect(resolveOptions({ credential })).toEqual({
      credential,
      cloud: 'global',
      apiVersion: 'v1.0',
      baseUrl: undefined,
      dispatcher: undefined,
      timeoutMs: 10_000,
      maxRetries: 3,
      userAgent: undefined,
      clock: undefined,
    })
  })

  it('takes a TokenCredential object as well as a function', () => {
    expect(issuesOf({ credential: { getToken: credential } })).toEqual([])
  })

  it('names every bad option by its path and says what was expected', () => {
    expect(
      issuesOf({
        credential: 'secret',
        cloud: 'germany',
        apiVersion: 'v2',
        baseUrl: 'ftp://graph.example',
        dispatcher: {},
        timeoutMs: 0,
        maxRetries: 1.5,
        userAgent: 'bot\r\nX-Injected: 1',
        clock: { now: Date.now },
      }),
    ).toEqual([
      { path: '$.credential', message: 'expected a TokenCredential (an object with getToken) or a getToken function' },
      { path: '$.cloud', message: "expected one of 'global', 'usGovL4', 'usGovL5', 'china'" },
      { path: '$.apiVersion', message: "expected 'v1.0' or 'beta'" },
      { path: '$.baseUrl', message: 'expected an absolute http(s) URL without credentials, query or fragment' },
      { path: '$.dispatcher', message: 'expected an undici Dispatcher (Agent, Pool, MockAgent, ...)' },
      { path: '$.timeoutMs', message: 'expected a number of milliseconds greater than 0 and at most 2147483647' },
      { path: '$.maxRetries', message: 'expected an integer of 0 or more' },
      { path: '$.userAgent', message: 'expected a non-empty string of printable ASCII characters (no line breaks)' },
      { path: '$.clock', message: 'expected an object with now() and sleep(ms, signal)' },
    ])
  })

  it.each(['not a url', 'https://user:pw@graph.example', 'https://graph.example/?x=1', 'https://graph.example/#f', '/relative'])('refuses baseUrl %j', (baseUrl) => {
    expect(issuesOf({ credential, baseUrl }).map((i) => i.path)).toEqual(['$.baseUrl'])
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -5, 2 ** 31, '1000'])('refuses timeoutMs %j', (timeoutMs) => {
    expect(issuesOf({ credential, timeoutMs }).map((i) => i.path)).toEqual(['$.timeoutMs'])
  })

  it('refuses a missing options object', () => {
    expect(issuesOf(undefined)).toEqual([{ path: '$', message: 'expected an object with at least a credential' }])
  })

  it('does not take a property of Object.prototype for a cloud', () => {
    expect(issuesOf({ credential, cloud: 'toString' }).map((i) => i.path)).toEqual(['$.cloud'])
  })
})
