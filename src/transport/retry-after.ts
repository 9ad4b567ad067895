const SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/
/** Every HTTP date form (IMF-fixdate, RFC 850, asctime) starts with the day's name; `Date.parse` alone takes "-1" for a date. */
const HTTP_DATE = /^\s*[A-Za-z]{3,9},?\s/

/**
 * Milliseconds to wait that a `Retry-After` header asks for: delta seconds (`120`, and `1.5` as some
 * services send), or an HTTP date (a date already past means "now", 0). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text === '') return undefined
  const seconds = SECONDS.exec(text)
  if (seconds) return Math.ceil(Number(seconds[1]) * 1000)
  const date = HTTP_DATE.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
