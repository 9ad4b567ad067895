import { describe, expect, it } from 'vitest'
import { backoffMs, isConnectionReset, isRetriedStatus } from '../../../src/transport/retry-policy.ts'

describe('retry policy', () => {
  it('retries 429, 503 and 504 and no other status', () => {
    const retried = [200, 202, 204, 400, 401, 403, 404, 408, 409, 429, 500, 501, 502, 503, 504, 507].filter(isRetriedStatus)
    expect(retried).toEqual([429, 503, 504])
  })

  it('backs off 0.5 s, 1 s, 2 s ... up to 8 s, shortened by at most a quarter', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000])
    expect([0, 1, 4].map((n) => backoffMs(n, () => 1))).toEqual([375, 750, 6000])
  })

  it('knows a broken or refused connection by its code, also as a cause', () => {
    const coded = (code: string, cause?: Error) => Object.assign(new Error(code, { cause }), { code })
    expect(isConnectionReset(coded('ECONNRESET'))).toBe(true)
    expect(isConnectionReset(coded('UND_ERR_SOCKET'))).toBe(true)
    expect(isConnectionReset(coded('ECONNREFUSED'))).toBe(true)
    expect(isConnectionReset(coded('UND_ERR_CONNECT_TIMEOUT'))).toBe(true)
    expect(isConnectionReset(new Error('wrapped', { cause: coded('EPIPE') }))).toBe(true)
    expect(isConnectionReset(coded('UND_ERR_HEADERS_TIMEOUT'))).toBe(false)
    expect(isConnectionReset(coded('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe(false)
    expect(isConnectionReset('ECONNRESET')).toBe(false)
    expect(isConnectionReset(undefined)).toBe(false)
  })
})
