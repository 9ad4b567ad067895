import { GraphApiError } from '../errors.ts'
import { escapeControls } from './escape-controls.ts'
import { redactSecret } from './redact-secret.ts'
import { parseRetryAfter } from './retry-after.ts'

/** Response headers as undici gives them. */
export type ResponseHeaders = Record<string, string | string[] | undefined>

/** How much of a body that is not Graph's JSON error is quoted in the message and kept on the error. */
const QUOTE_CHARS = 200
const KEEP_CHARS = 16_384

/** What a `GraphApiError` is made from: one error answer and the id this client sent with it. */
export interface ErrorAnswer {
  status: number
  statusText: string
  headers: ResponseHeaders
  /** The body as read; empty when there was none. */
  text: string
  /** The `client-request-id` this client sent. */
  clientRequestId: string
  now: number
  /** The token the request was sent with: a proxy, or a server that echoes the request, may quote it back. */
  token?: string | undefined
}

/**
 * The `GraphApiError` for an error answer. Graph's JSON body (`error.code`, `error.message`,
 * `error.innerError['request-id' | 'client-request-id' | 'date']`) is read when there is one; an HTML
 * page, an empty body or a truncated JSON body still give a message that says what came back. Neither the
 * token nor any credential is kept from the body or the headers.
 */
export function graphApiError(answer: ErrorAnswer): GraphApiError {
  const headers = redactHeaders(answer.headers, answer.token)
  const text = redactSecret(answer.text, answer.token)
  const statusText = redactSecret(answer.statusText, answer.token)
  const { status } = answer
  const json = parseJson(text)
  const error = record(record(json)?.error)
  const inner = record(error?.innerError) ?? record(error?.innererror)
  // What goes into the message is a server's (or a proxy's) words, which go into log lines with it: they
  // must not be able to forge one. The body keeps them as they came.
  return new GraphApiError({
    status,
    code: escaped(string(error?.code)),
    graphMessage: escapeControls(string(error?.message) ?? describeBody({ ...answer, statusText, headers, text }, json)),
    requestId: escaped(header(headers, 'request-id') ?? string(inner?.['request-id'])),
    clientRequestId: escapeControls(header(headers, 'client-request-id') ?? string(inner?.['client-request-id']) ?? answer.clientRequestId),
    date: string(inner?.date) ?? header(headers, 'date'),
    retryAfterMs: parseRetryAfter(answer.headers['retry-after'], answer.now),
    body: json === undefined ? (text === '' ? undefined : text.slice(0, KEEP_CHARS)) : json,
    headers,
  })
}

function describeBody({ status, statusText, headers, text }: ErrorAnswer, json: unknown): string {
  const what = `Graph answered ${status}${statusText ? ` ${statusText}` : ''}`
  if (text.trim() === '') return `${what} with an empty body`
  if (json !== undefined) return `${what} without an error object: ${quote(text)}`
  const type = header(headers, 'content-type') ?? 'no content-type'
  if (/^\s*[[{]/.test(text)) return `${what} with a JSON body that does not parse (truncated?): ${quote(text)}`
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim()
  if (title) return `${what} with an HTML page (${type}) titled ${quote(title)}`
  return `${what} with a body that is not JSON (${type}): ${quote(text.replace(/<[^>]*>/g, ' '))}`
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return JSON.stringify(flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS)}...` : flat)
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

function escaped(text: string | undefined): string | undefined {
  return text === undefined ? undefined : escapeControls(text)
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** One response header as a string (repeated headers joined as HTTP joins them). */
export function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** Each response header as one string, with the token and any credential in it redacted. */
export function redactHeaders(headers: ResponseHeaders, token: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of Object.keys(headers)) {
    const value = header(headers, name)
    if (value !== undefined) out[name] = redactSecret(value, token)
  }
  return out
}
