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

  it('leaves ordinary words after "Bearer" as they are: only what looks like a credential goes', () => {
    for (const text of [
      'Bearer token is missing',
      'Bearer token-based authentication failed',
      'Bearer authentication is required.',
      'the Bearer scheme: Bearer tokens',
      'Bearer realm="graph", error="invalid_token", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
      'Bearer error=invalid_token',
    ]) {
      expect(redactSecret(text, undefined), text).toBe(text)
    }
  })

  it('replaces a bearer credential at the end of a sentence, keeping its full stop, and one already redacted stays so', () => {
    expect(redactSecret('sent Bearer abc.def-ghi.', undefined)).toBe('sent Bearer [redacted].')
    expect(redactSecret('Bearer dG9rZW4xMjM0NTY3OA== was refused', undefined)).toBe('Bearer [redacted] was refused')
    expect(redactSecret('Bearer [redacted]', undefined)).toBe('Bearer [redacted]')
  })

  it('replaces a JWT it was not told about wherever it stands', () => {
    expect(redactSecret(`Bearer realm="x", token="${jwt}"`, 'another-token-value-0123')).toBe('Bearer realm="x", token="[redacted]"')
    expect(redactSecret(`https://evil.example/?t=${jwt}&u=1`, undefined)).toBe('https://evil.example/?t=[redacted]&u=1')
  })
})
