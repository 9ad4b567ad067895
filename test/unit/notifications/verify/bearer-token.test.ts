import { describe, expect, it } from 'vitest'
import { NotificationAuthError } from '../../../../src/errors.ts'
import { readBearerToken } from '../../../../src/notifications/verify/bearer-token.ts'

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl'

function reasonOf(header: string | null | undefined): string {
  try {
    readBearerToken(header)
  } catch (error) {
    expect(error).toBeInstanceOf(NotificationAuthError)
    expect((error as Error).message).not.toContain('c2lnbmF0dXJl')
    return (error as NotificationAuthError).reason
  }
  return 'accepted'
}

describe('readBearerToken', () => {
  it('reads the token whatever the case of the scheme and the spaces around it', () => {
    expect(readBearerToken(`Bearer ${TOKEN}`)).toBe(TOKEN)
    expect(readBearerToken(`bearer ${TOKEN}`)).toBe(TOKEN)
    expect(readBearerToken(`  BEARER   ${TOKEN}  `)).toBe(TOKEN)
    expect(readBearerToken(`Bearer ${'a'.repeat(16_380)}.b.c`)).toHaveLength(16_384)
  })

  it('keeps an empty signature, so that an unsigned token is reported as unsigned later', () => {
    expect(readBearerToken('Bearer eyJhbGciOiJub25lIn0.e30.')).toBe('eyJhbGciOiJub25lIn0.e30.')
  })

  it('calls an absent header, another scheme or a bare "Bearer" a missing token', () => {
    expect([undefined, null, '', ' ', 'Bearer', 'Bearer   ', `Basic ${TOKEN}`, TOKEN].map(reasonOf)).toEqual(Array(8).fill('missing-token'))
  })

  it('names a plain scheme word, and only that', () => {
    expect(() => readBearerToken('Negotiate abc')).toThrow('uses the "Negotiate" scheme')
    expect(() => readBearerToken(TOKEN)).toThrow('is not a bearer token')
  })

  it('calls anything but three base64url parts malformed', () => {
    const bad = ['a', 'a.b', 'a.b.c.d', '.b.c', 'a..c', 'a+b.c.d', 'a.b.c d', `${'a'.repeat(16_381)}.b.c`]
    expect(bad.map((token) => reasonOf(`Bearer ${token}`))).toEqual(Array(bad.length).fill('malformed'))
  })
})
