import { describe, expect, it } from 'vitest'
import { redactSecret } from '../../../src/transport/redact-secret.ts'

describe('redactSecret', () => {
  const jwt = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJl'

  it('replaces every occurrence of a real token, wherever it stands', () => {
    expect(redactSecret(`header ${jwt}, again:${jwt}x and ${jwt}`, jwt)).toBe('header [redacted], again:[redacted]x and [redacted]')
  })

  it('replaces a bearer credential it was not told about', () => {
    expect(redactSecret('authorization: Bearer abc.def-ghi; next', undefined)).toBe('authorization: Bearer [redacted]; next')
    expect(redactSecret(`BEARER ${jwt}`, jwt)).toBe('BEARER [redacted]')
  })

  it('replaces a short token only where it stands alone, so the words around it stay readable', () => {
    expect(redactSecret('connect ECONNREFUSED 127.0.0.1:443', 't')).toBe('connect ECONNREFUSED 127.0.0.1:443')
    expect(redactSecret('{"token":"t","to":"t"} t', 't')).toBe('{"token":"[redacted]","to":"[redacted]"} [redacted]')
    expect(redactSecret('tok-en tok tokens', 'tok')).toBe('tok-en [redacted] tokens')
  })

  it('leaves text without the token as it is', () => {
    expect(redactSecret('socket hang up', jwt)).toBe('socket hang up')
    expect(redactSecret('socket hang up', '')).toBe('socket hang up')
  })
})
