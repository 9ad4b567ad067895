import { ValidationError, type Issue } from '../errors.ts'
import { clouds, type ApiVersion, type CloudName } from '../transport/clouds.ts'
import { isTimeout, TIMEOUT_EXPECTED } from '../transport/graph-transport.ts'
import type { CallingClientOptions } from './calling-client-options.ts'

/** The client's defaults, in one place. */
export const DEFAULT_TIMEOUT_MS = 10_000
export const DEFAULT_MAX_RETRIES = 3

const API_VERSIONS: readonly ApiVersion[] = ['v1.0', 'beta']
const PRINTABLE = /^[\x20-\x7e]+$/

/** The options with every default filled in, once checked. */
export type ResolvedOptions = { [K in 'credential' | 'cloud' | 'apiVersion' | 'timeoutMs' | 'maxRetries']-?: NonNullable<CallingClientOptions[K]> } &
  Pick<CallingClientOptions, 'baseUrl' | 'dispatcher' | 'userAgent' | 'clock' | 'onAttempt'>

/** Checks a client's options, reporting every bad one by its path, and fills in the defaults. */
export function resolveOptions(options: CallingClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError('CallingClient options', [{ path: '$', message: 'expected an object with at least a credential' }])
  }
  const issues: Issue[] = []
  const { credential, cloud = 'global', apiVersion = 'v1.0', baseUrl, dispatcher, userAgent, clock, onAttempt } = options
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxRetries = DEFAULT_MAX_RETRIES } = options
  if (typeof credential !== 'function' && typeof (credential as { getToken?: unknown } | undefined)?.getToken !== 'function') {
    issues.push({ path: '$.credential', message: 'expected a TokenCredential (an object with getToken) or a getToken function' })
  }
  if (typeof cloud !== 'string' || !Object.hasOwn(clouds, cloud)) {
    issues.push({ path: '$.cloud', message: `expected one of ${Object.keys(clouds).map((c) => `'${c}'`).join(', ')}` })
  }
  if (!API_VERSIONS.includes(apiVersion)) issues.push({ path: '$.apiVersion', message: "expected 'v1.0' or 'beta'" })
  if (baseUrl !== undefined) {
    const problem = baseUrlProblem(baseUrl)
    if (problem) issues.push({ path: '$.baseUrl', message: problem })
  }
  if (dispatcher !== undefined && typeof (dispatcher as { request?: unknown } | null)?.request !== 'function') {
    issues.push({ path: '$.dispatcher', message: 'expected an undici Dispatcher (Agent, Pool, MockAgent, ...)' })
  }
  if (!isTimeout(timeoutMs)) issues.push({ path: '$.timeoutMs', message: TIMEOUT_EXPECTED })
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) issues.push({ path: '$.maxRetries', message: 'expected an integer of 0 or more' })
  if (userAgent !== undefined && (typeof userAgent !== 'string' || !PRINTABLE.test(userAgent))) {
    issues.push({ path: '$.userAgent', message: 'expected a non-empty string of printable ASCII characters (no line breaks)' })
  }
  if (clock !== undefined && (typeof clock?.now !== 'function' || typeof clock?.sleep !== 'function')) {
    issues.push({ path: '$.clock', message: 'expected an object with now() and sleep(ms, signal)' })
  }
  if (onAttempt !== undefined && typeof onAttempt !== 'function') issues.push({ path: '$.onAttempt', message: 'expected a function taking an attempt report' })
  if (issues.length > 0) throw new ValidationError('CallingClient options', issues)
  return { credential, cloud: cloud as CloudName, apiVersion, baseUrl, dispatcher, timeoutMs, maxRetries, userAgent, clock, onAttempt }
}

function baseUrlProblem(value: unknown): string | undefined {
  const expected = 'expected an absolute http(s) URL without credentials, query or fragment'
  if (typeof value !== 'string') return expected
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return expected
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return expected
  if (url.username || url.password || url.search || url.hash) return expected
  return undefined
}
