import { describe, expect, it } from 'vitest'
import { GraphApiError } from '../../../src/errors.ts'
import { graphApiError, type ErrorAnswer } from '../../../src/transport/graph-api-error.ts'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const answer = (over: Partial<ErrorAnswer>): ErrorAnswer => ({ status: 400, statusText: 'Bad Request', headers: {}, text: '', clientRequestId: 'sent-id', now, ...over })

describe('graphApiError', () => {
  it("reads Graph's error body", () => {
    const e = graphApiError(
      answer({
        status: 404,
        statusText: 'Not Found',
        headers: { 'content-type': 'application/json' },
        text: JSON.stringify({
          error: { code: 'itemNotFound', message: 'Call not found.', innerError: { 'request-id': 'inner-req', 'client-request-id': 'inner-client', date: '2026-11-23T12:00:00' } },
        }),
      }),
    )
    expect(e).toBeInstanceOf(GraphApiError)
    expect(e.message).toBe('404 itemNotFound: Call not found. (request-id inner-req, client-request-id inner-client)')
    expect([e.status, e.code, e.requestId, e.clientRequestId, e.date, e.retryAfterMs]).toEqual([404, 'itemNotFound', 'inner-req', 'inner-client', '2026-11-23T12:00:00', undefined])
  })

  it('prefers the response headers for the ids, and reads Retry-After', () => {
    const e = graphApiError(
      answer({
        status: 429,
        headers: { 'request-id': 'hdr-req', 'client-request-id': 'hdr-client', 'retry-after': '3', date: 'Mon, 23 Nov 2026 12:00:00 GMT' },
        text: '{"error":{"code":"TooManyRequests","message":"Too many requests","innerError":{"request-id":"inner-req"}}}',
      }),
    )
    expect([e.requestId, e.clientRequestId, e.retryAfterMs, e.date]).toEqual(['hdr-req', 'hdr-client', 3000, 'Mon, 23 Nov 2026 12:00:00 GMT'])
    expect(e.headers).toEqual({ 'request-id': 'hdr-req', 'client-request-id': 'hdr-client', 'retry-after': '3', date: 'Mon, 23 Nov 2026 12:00:00 GMT' })
  })

  it('falls back to the client-request-id it sent, and reads a lower-case innererror', () => {
    const e = graphApiError(answer({ text: '{"error":{"code":"BadRequest","message":"m","innererror":{"request-id":"r"}}}' }))
    expect([e.requestId, e.clientRequestId]).toEqual(['r', 'sent-id'])
  })

  it.each([
    ['an empty body', '', undefined, 'Graph answered 400 Bad Request with an empty body'],
    ['whitespace', '  \n', undefined, 'Graph answered 400 Bad Request with an empty body'],
    ['a truncated JSON body', '{"error":{"co', 'application/json', 'Graph answered 400 Bad Request with a JSON body that does not parse (truncated?): "{\\"error\\":{\\"co"'],
    ['JSON without an error object', '{"message":"nope"}', 'application/json', 'Graph answered 400 Bad Request without an error object: "{\\"message\\":\\"nope\\"}"'],
    ['an HTML page', '<html><head><title> Request Rejected </title></head><body>x</body></html>', 'text/html', 'Graph answered 400 Bad Request with an HTML page (text/html) titled "Request Rejected"'],
    ['HTML without a title', '<html><body><p>The request\nwas   rejected</p></body></html>', 'text/html; charset=utf-8', 'Graph answered 400 Bad Request with a body that is not JSON (text/html; charset=utf-8): "The request was rejected"'],
    ['plain text', 'upstream connect error', undefined, 'Graph answered 400 Bad Request with a body that is not JSON (no content-type): "upstream connect error"'],
  ])('still says what came back for %s', (_, text, type, message) => {
    const e = graphApiError(answer({ text, headers: type ? { 'content-type': type } : {} }))
    expect(e.code).toBe('http400')
    expect(e.message).toBe(`400 http400: ${message} (client-request-id sent-id)`)
  })

  it('quotes at most 200 characters of a long body and keeps the text on the error', () => {
    const text = `oops ${'x'.repeat(1000)}`
    const e = graphApiError(answer({ text }))
    expect(e.message).toContain(`"oops ${'x'.repeat(195)}..."`)
    expect(e.body).toBe(text)
  })

  it('keeps the parsed JSON body', () => {
    expect(graphApiError(answer({ text: '{"error":{"code":"c","message":"m"}}' })).body).toEqual({ error: { code: 'c', message: 'm' } })
  })
})
