import { describe, expect, it } from 'vitest'
import {
  ConnectionError,
  GraphApiError,
  GraphCallingError,
  NotificationAuthError,
  NotificationParseError,
  TimeoutError,
  ValidationError,
} from '../../src/errors.ts'

describe('errors', () => {
  it('ValidationError lists every issue with its JSON path', () => {
    const e = new ValidationError('answer parameters', [
      { path: '$.callbackUri', message: 'expected an absolute https URL' },
      { path: '$.acceptedModalities', message: 'expected at least one modality' },
    ])
    expect(e).toBeInstanceOf(GraphCallingError)
    expect(e.message).toBe(
      'Invalid answer parameters: $.callbackUri: expected an absolute https URL; $.acceptedModalities: expected at least one modality',
    )
  })

  it('GraphApiError reads like support wants it', () => {
    const e = new GraphApiError({ status: 400, code: 'BadRequest', graphMessage: 'Bad callback', requestId: 'r-1', clientRequestId: 'c-1' })
    expect(e.message).toBe('400 BadRequest: Bad callback (request-id r-1, client-request-id c-1)')
    expect(new GraphApiError({ status: 502 }).code).toBe('http502')
  })

  it('TimeoutError is a ConnectionError and keeps its cause', () => {
    const cause = new Error('socket')
    const e = new TimeoutError('timed out', { cause })
    expect(e).toBeInstanceOf(ConnectionError)
    expect(e.cause).toBe(cause)
  })

  it('notification errors carry the status a handler answers with', () => {
    expect(new NotificationParseError([{ path: '$', message: 'x' }]).status).toBe(400)
    expect(new NotificationParseError([{ path: '$', message: 'x' }], 413).status).toBe(413)
    const auth = new NotificationAuthError('expired', 'token expired')
    expect([auth.status, auth.reason]).toEqual([401, 'expired'])
  })
})
