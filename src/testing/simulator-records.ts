import type { CommsNotificationsBody } from './notification-builders.ts'

/** A request the simulated Graph received, and what it answered. */
export interface RecordedRequest {
  readonly kind: 'request'
  /** When it arrived (simulator clock, ms since the epoch). */
  readonly at: number
  /** How long the simulator took to answer (simulator clock). */
  readonly durationMs: number
  readonly method: string
  readonly url: string
  /** The URL's path, version included (`/v1.0/communications/calls/{id}/answer`). */
  readonly path: string
  /** `v1.0` or `beta` (or whatever the URL held there). */
  readonly apiVersion: string | undefined
  /** The action it was routed to (`answer`, `hangUp`, ...), undefined when no endpoint matched. */
  readonly action: string | undefined
  readonly callId: string | undefined
  /** Request headers, lower-cased; `authorization` keeps only its scheme. */
  readonly headers: Readonly<Record<string, string>>
  /** The JSON body, or its text when it was not JSON; undefined when empty. */
  readonly body: unknown
  /** The status answered, undefined when the client went away first. */
  readonly status: number | undefined
  /** The JSON body answered, if any. */
  readonly responseBody: unknown
  /** The headers answered (`request-id`, `retry-after`, ...); empty when the client went away first. */
  readonly responseHeaders: Readonly<Record<string, string>>
}

/** A notification the simulated Graph sent to the bot (or dropped, as its plan said), and how the bot answered. */
export interface RecordedNotification {
  readonly kind: 'notification'
  /** When it was sent, or dropped (simulator clock, ms since the epoch). */
  readonly at: number
  readonly durationMs: number
  readonly callId: string
  /** What it announced: `incoming`, `establishing`, `established`, `terminated`, `contentSharing started`, `operation playPrompt`, `tone tone5`, `participants`, ... */
  readonly label: string
  readonly url: string
  readonly body: CommsNotificationsBody
  /** The bot's HTTP status, undefined when it could not be reached or the notification was dropped. */
  readonly status: number | undefined
  /** Why the bot could not be reached, or why a `drop` predicate that threw dropped it. */
  readonly error: string | undefined
  /**
   * True when the notification plan's `drop` dropped it: it was never delivered (`status` is undefined,
   * `durationMs` 0, and `error` says so when the predicate threw), though what it announced happened all
   * the same.
   */
  readonly dropped: boolean
}

/** Anything the simulator recorded, in the order it started. */
export type SimulatorRecord = RecordedRequest | RecordedNotification

/** An `authorization` value with its credential replaced: the scheme is kept only when it is one (`Bearer [redacted]`). */
function redactedCredential(value: string): string {
  const scheme = /^\s*([A-Za-z][\w.+-]*)\s+\S/.exec(value)?.[1]
  return scheme === undefined ? '[redacted]' : `${scheme} [redacted]`
}

/** Headers as a plain object, with the credential in `authorization` replaced by `[redacted]`. */
export function redactedHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of headers) {
    out[name] = name === 'authorization' ? redactedCredential(value) : value
  }
  return out
}

/**
 * The simulator's log. A record takes its place when its request or notification starts and shows once it
 * is complete, so the log reads in the order things began.
 */
export class RecordLog {
  #slots: (SimulatorRecord | undefined)[] = []
  readonly #onRecord: ((record: SimulatorRecord) => void) | undefined

  constructor(onRecord?: (record: SimulatorRecord) => void) {
    this.#onRecord = onRecord
  }

  /** Reserves the next place; call the returned function with the finished record. */
  begin(): (record: SimulatorRecord) => void {
    const index = this.#slots.push(undefined) - 1
    return (record) => {
      this.#slots[index] = record
      this.#onRecord?.(record)
    }
  }

  get all(): SimulatorRecord[] {
    return this.#slots.filter((r): r is SimulatorRecord => r !== undefined)
  }
}
