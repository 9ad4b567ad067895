import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../../src/errors.ts'
import { resolveVerifyOptions, type VerifyNotificationTokenOptions } from '../../../../src/notifications/verify/verify-options.ts'

function issuesOf(options: VerifyNotificationTokenOptions): { path: string; message: string }[] {
  try {
    resolveVerifyOptions(options)
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return [...(error as ValidationError).issues]
  }
  return []
}

describe('resolveVerifyOptions', () => {
  it('applies the documented defaults', () => {
    const resolved = resolveVerifyOptions({ appId: 'app' })
    expect(resolved).toMatchObject({
      appIds: ['app'],
      openIdConfigurationUrl: 'https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration',
      issuers: ['https://graph.microsoft.com', 'https://api.botframework.com'],
      algorithms: ['RS256'],
      allowedTenantIds: undefined,
      clockToleranceSec: 300,
      keyRefreshIntervalMs: 86_400_000,
      unknownKeyRefetchIntervalMs: 300_000,
      failedKeyFetchRetryMs: 10_000,
      keyFetchTimeoutMs: 10_000,
      fetch: undefined,
    })
  })

  it('reads an option given as undefined as absent: the default applies', () => {
    const given: VerifyNotificationTokenOptions = {
      appId: 'app',
      openIdConfigurationUrl: undefined,
      issuers: undefined,
      allowedTenantIds: undefined,
      clockToleranceSec: undefined,
      algorithms: undefined,
      keyRefreshIntervalMs: undefined,
      unknownKeyRefetchIntervalMs: undefined,
      failedKeyFetchRetryMs: undefined,
      keyFetchTimeoutMs: undefined,
      fetch: undefined,
      now: undefined,
    }
    const { nowMs, ...resolved } = resolveVerifyOptions(given)
    const { nowMs: defaultNowMs, ...defaults } = resolveVerifyOptions({ appId: 'app' })
    expect(resolved).toEqual(defaults)
    expect(nowMs).toBe(defaultNowMs)
  })

  it('takes the global fetch, or any function of the same shape, as its fetch', () => {
    const options: VerifyNotificationTokenOptions = { appId: 'a', fetch: globalThis.fetch }
    expect(resolveVerifyOptions(options).fetch).toBe(globalThis.fetch)
  })

  it('reads the clock as milliseconds or as a Date', () => {
    expect(resolveVerifyOptions({ appId: 'a', now: () => 1234 }).nowMs()).toBe(1234)
    expect(resolveVerifyOptions({ appId: 'a', now: () => new Date(5678) }).nowMs()).toBe(5678)
  })

  it('refuses a missing or empty app id', () => {
    expect(issuesOf({} as VerifyNotificationTokenOptions)[0]?.path).toBe('$.appId')
    expect(issuesOf({ appId: '' })[0]?.path).toBe('$.appId[0]')
    expect(issuesOf({ appId: [] })[0]?.path).toBe('$.appId')
    expect(issuesOf({ appId: ['a', ' '] })[0]?.path).toBe('$.appId[1]')
  })

  it('never accepts none or HMAC algorithms', () => {
    const issues = issuesOf({ appId: 'a', algorithms: ['RS256', 'HS256', 'none'] })
    expect(issues.map((i) => i.path)).toEqual(['$.algorithms[1]', '$.algorithms[2]'])
    expect(issues[0]?.message).toContain('none and HMAC are never accepted')
    expect(issuesOf({ appId: 'a', algorithms: ['RS256', 'PS256', 'ES256'] })).toEqual([])
  })

  it('fetches keys over https only, or plain http on a loopback host', () => {
    expect(issuesOf({ appId: 'a', openIdConfigurationUrl: 'http://keys.example.com/config' })[0]?.path).toBe('$.openIdConfigurationUrl')
    expect(issuesOf({ appId: 'a', openIdConfigurationUrl: 'not a url' })[0]?.path).toBe('$.openIdConfigurationUrl')
    expect(issuesOf({ appId: 'a', openIdConfigurationUrl: 'http://127.0.0.1:8080/config' })).toEqual([])
    expect(issuesOf({ appId: 'a', openIdConfigurationUrl: 'http://[::1]:8080/config' })).toEqual([])
  })

  it('refuses negative or non-finite durations and non-function seams, naming each', () => {
    const issues = issuesOf({
      appId: 'a',
      clockToleranceSec: -1,
      keyRefreshIntervalMs: Number.NaN,
      keyFetchTimeoutMs: 0,
      fetch: 'fetch' as never,
      now: 1 as never,
    })
    expect(issues.map((i) => i.path).sort()).toEqual(['$.clockToleranceSec', '$.fetch', '$.keyFetchTimeoutMs', '$.keyRefreshIntervalMs', '$.now'])
    expect(issuesOf({ appId: 'a', keyRefreshIntervalMs: 0 })).toEqual([{ path: '$.keyRefreshIntervalMs', message: 'expected a finite number of 1 or more' }])
    expect(issuesOf({ appId: 'a', clockToleranceSec: 0, unknownKeyRefetchIntervalMs: 0, failedKeyFetchRetryMs: 0 })).toEqual([])
  })

  it('refuses a clock that gives no time, and takes one that gives a number or a Date', () => {
    for (const now of [() => Number.NaN, () => new Date('soon'), () => undefined as never]) {
      expect(issuesOf({ appId: 'a', now })).toEqual([{ path: '$.now', message: 'expected a function that gives the time' }])
    }
    expect(issuesOf({ appId: 'a', now: () => 0 })).toEqual([])
    expect(issuesOf({ appId: 'a', now: () => new Date() })).toEqual([])
  })

  it('compares allowed tenant ids case-insensitively and refuses empty ones', () => {
    expect([...(resolveVerifyOptions({ appId: 'a', allowedTenantIds: ['ABC'] }).allowedTenantIds ?? [])]).toEqual(['abc'])
    expect(issuesOf({ appId: 'a', allowedTenantIds: [] })[0]?.path).toBe('$.allowedTenantIds')
  })
})
