import { expect } from 'vitest'
import { ValidationError, type Issue } from '../../../src/errors.ts'

/** The issues a builder reports (none when it builds a request); anything else it throws fails the test. */
export function issuesOf(build: () => unknown): Issue[] {
  try {
    build()
    return []
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError)
    return [...(e as ValidationError).issues]
  }
}
