import { describe, expect, it } from 'vitest'
import { answer, createCall, getCall, hangUp, playPrompt, redirect, reject, removeParticipant, beta } from '../../../src/requests/index.ts'
import { backoffMs, connectionRetry, isResendable, statusRetry } from '../../../src/transport/retry-policy.ts'

describe('retry policy', () => {
  it('retries 429 and 503 always, 504 only for a resendable request, and no other status', () => {
    const statuses = [200, 202, 204, 400, 401, 403, 404, 408, 409, 429, 500, 501, 502, 503, 504, 507]
    expect(statuses.filter((s) => statusRetry(s) === 'always')).toEqual([429, 503])
    expect(statuses.filter((s) => statusRetry(s) === 'ifResendable')).toEqual([504])
  })

  it('backs off 0.5 s, 1 s, 2 s ... up to 8 s, shortened by at most a quarter', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000])
    expect([0, 1, 4].map((n) => backoffMs(n, () => 1))).toEqual([375, 750, 6000])
  })

  it('retries a connection that never opened always, one that broke only for a resendable request, also as a cause', () => {
    const coded = (code: string, cause?: Error) => Object.assign(new Error(code, { cause }), { code })
    expect(connectionRetry(coded('ECONNREFUSED'))).toBe('always')
    expect(connectionRetry(coded('UND_ERR_CONNECT_TIMEOUT'))).toBe('always')
    expect(connectionRetry(coded('ECONNRESET'))).toBe('ifResendable')
    expect(connectionRetry(coded('UND_ERR_SOCKET'))).toBe('ifResendable')
    expect(connectionRetry(new Error('wrapped', { cause: coded('EPIPE') }))).toBe('ifResendable')
    expect(connectionRetry(coded('UND_ERR_HEADERS_TIMEOUT'))).toBe('never')
    expect(connectionRetry(coded('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('never')
    expect(connectionRetry('ECONNRESET')).toBe('never')
    expect(connectionRetry(undefined)).toBe('never')
  })

  it('takes GET, DELETE, answer, reject and redirect as resendable, and nothing else', () => {
    const media = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' } as const
    const target = { identity: { user: { id: 'u-1' } } }
    const resendable = [
      getCall('c-1'),
      hangUp('c-1'),
      removeParticipant('c-1', 'p-1'),
      answer('c-1', { callbackUri: 'https://bot.contoso.com/cb', acceptedModalities: ['audio'], mediaConfig: media }),
      reject('c-1'),
      redirect('c-1', { targets: [target] }),
      beta.redirect('c-1', { targets: [target] }),
      { method: 'GET', path: '/communications/calls/c-1' } as const,
      { method: 'POST', path: '/communications/calls/c-1/answer', body: {}, resendable: true } as const,
    ]
    const notResendable = [
      createCall({ callbackUri: 'https://bot.contoso.com/cb', targets: [target], mediaConfig: media }),
      playPrompt('c-1', { prompts: [{ '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { uri: 'https://cdn.contoso.com/a.wav' } }] }),
      // Built by hand without the flag: Graph may act on a POST twice.
      { method: 'POST', path: '/communications/calls/c-1/answer', body: {} } as const,
      { method: 'PATCH', path: '/communications/calls/c-1', body: {} } as const,
    ]
    expect(resendable.map(isResendable)).toEqual(resendable.map(() => true))
    expect(notResendable.map(isResendable)).toEqual(notResendable.map(() => false))
  })
})
