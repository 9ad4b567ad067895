import { describe, expect, it } from 'vitest'
import { redactedHeaders } from '../../../src/testing/simulator-records.ts'

describe('redactedHeaders', () => {
  it('keeps the scheme of a credential and nothing of the credential, however it is sent', () => {
    const cases: [string, string][] = [
      ['Bearer eyJ0eXAi.payload.signature', 'Bearer [redacted]'],
      ['bearer  eyJ0eXAi', 'bearer [redacted]'],
      ['eyJsecrettoken', '[redacted]'],
      ['Bearer', '[redacted]'],
      ['', '[redacted]'],
    ]
    for (const [sent, recorded] of cases) {
      expect(redactedHeaders(new Headers({ authorization: sent, 'x-other': 'kept' }))).toEqual({ authorization: recorded, 'x-other': 'kept' })
    }
  })
})
