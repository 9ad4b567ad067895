/** This package's version, sent in `User-Agent`; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0'

/** The `User-Agent` the client sends: the caller's product first (when given), then graph-calling's. */
export function userAgent(prefix?: string): string {
  return prefix ? `${prefix} graph-calling/${VERSION}` : `graph-calling/${VERSION}`
}
