import type { Issue } from '../errors.ts'

/**
 * Checks an id that goes into a Graph path. An id that is empty, or that holds `/`, `?`, `#` or `..`, is
 * refused rather than encoded: it could only come from a bug or an attempt to reach another resource. One
 * that is not well-formed UTF-16 is refused too, as it has no percent-encoding.
 */
export function idIssues(name: string, value: unknown): Issue[] {
  if (typeof value !== 'string' || value.length === 0) return [{ path: name, message: 'expected a non-empty string id' }]
  if (/[/?#]|\.\./.test(value) || value === '.') return [{ path: name, message: "expected an id without '/', '?', '#' or '..'" }]
  // A lone surrogate has no UTF-8 form, so the id could not be percent-encoded into the path.
  if (!value.isWellFormed()) return [{ path: name, message: 'expected an id of well-formed UTF-16 (it holds an unpaired surrogate)' }]
  return []
}

/** Percent-encodes an id checked by `idIssues` for use as one path segment. */
export const encodeId = (value: string): string => encodeURIComponent(value)
