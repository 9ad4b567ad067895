import type { GraphCallingError } from '../errors.ts'
import type { GraphMethod } from '../requests/graph-request.ts'

/**
 * What one attempt of a call to Graph did, for logs and metrics: the client's `onAttempt` gets one after
 * every attempt, the retries of a call included. It never holds a token or a body.
 */
export interface AttemptReport {
  /** `POST`, `GET`, `PATCH` or `DELETE`. */
  readonly method: GraphMethod
  /** The URL sent to, e.g. `https://graph.microsoft.com/v1.0/communications/calls/{id}/answer`. */
  readonly url: string
  /** The call's `client-request-id`: the same on every attempt of one call. */
  readonly clientRequestId: string
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number
  /** Graph's HTTP status (the 2xx it had begun to answer with, when the rest was lost); undefined when no answer came. */
  readonly status: number | undefined
  /** Graph's `request-id`, when it answered with one. */
  readonly requestId: string | undefined
  /** From the attempt's start to its end on the client's clock, in ms: the wait for a token included, a wait before it not. */
  readonly durationMs: number
  /** What the attempt ended with when Graph did not accept the request (a retry may follow); undefined when it did. */
  readonly error: GraphCallingError | undefined
}

/** Receives the report of each attempt. */
export type AttemptReporter = (report: AttemptReport) => void
