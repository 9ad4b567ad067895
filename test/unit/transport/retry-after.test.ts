import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '../../../src/transport/retry-after.ts'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['7', 7000],
    [' 120 ', 120_000],
    ['1.5', 1500],
    ['0.001', 1],
    ['0.0004', 1],
  ])('reads delta seconds %j as %i ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms)
  })

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30_000)
  })

  it.each([
    ['RFC 850', 'Monday, 23-Nov-26 12:00:30 GMT'],
    ['asctime', 'Mon Nov 23 12:00:30 2026'],
  ])('reads the obsolete %s date form too', (_, value) => {
    // asctime carries no zone; the server's clock is read as UTC only when the runtime is, so compare with Date.parse.
    expect(parseRetryAfter(value, now)).toBe(Math.max(0, Date.parse(value) - now))
    expect(parseRetryAfter(value, now)).not.toBeUndefined()
  })

  it('reads a date already past as no wait', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:59:00 GMT', now)).toBe(0)
  })

  it('takes the first of repeated headers', () => {
    expect(parseRetryAfter(['3', '9'], now)).toBe(3000)
  })

  it.each([undefined, '', '-1', 'soon', '1e3', '12abc', 'Mon, not a date'])('gives undefined for %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined()
  })
})
