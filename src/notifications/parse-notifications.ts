import type { CallEvent } from './call-event.ts'
import { notificationEvent, type BatchContext } from './notification-event.ts'
import { DEFAULT_MAX_NOTIFICATION_BYTES, readNotificationBody, readNotificationBytes, readRawNotificationBody, type NotificationsEnvelope } from './read-notification-body.ts'

/** Options of `parseNotifications`. */
export interface ParseNotificationsOptions {
  /**
   * The largest body accepted, in bytes (UTF-8); a larger one throws `NotificationParseError` with status 413.
   * @default 1_048_576 (1 MiB)
   */
  maxBytes?: number | undefined
  /**
   * When the notification arrived; `call.incoming`'s `respondBy` counts from it.
   * @default now()
   */
  receivedAt?: Date | undefined
  /**
   * The clock, used when `receivedAt` is not given.
   * @default Date.now
   */
  now?: (() => number | Date) | undefined
  /** The tenant a verified token named, put on every event as `tenantId`. */
  tenantId?: string | undefined
}

// One object for every call without options: a default `{}` would be allocated on each.
const NO_OPTIONS: ParseNotificationsOptions = Object.freeze({})

// Read through `Date` at each call, so that a clock faked after import is the one used.
const currentTime = (): number => Date.now()

// Parsing is synchronous and never re-entered, so every call without options shares one batch context,
// reset on entry: one allocation fewer per body.
const DEFAULT_BATCH: BatchContext = { receivedAtMs: undefined, now: currentTime, tenantId: undefined }

/**
 * Parses the body of a notification POST from Graph (`commsNotifications`) into one typed event per item
 * of `value[]`, in order. The body may be the raw text, its bytes, or an object already parsed from JSON.
 * Items Graph sends in other casings, with extra fields or without `resourceData` are read leniently;
 * anything that does not decode is listed on the event's `issues`, and an item that fits no event becomes
 * an `unknown` event. Throws `NotificationParseError` when the body is not JSON, not `{ value: [...] }`,
 * or larger than `maxBytes` (status 413).
 */
export function parseNotifications(body: unknown, options: ParseNotificationsOptions = NO_OPTIONS): CallEvent[] {
  return eventsOf(readNotificationBody, body, options)
}

/**
 * `parseNotifications` for the body as it came (text or bytes), which is all a request handler has: its
 * bundle leaves out the check of an already-parsed object.
 */
export function parseRawNotifications(body: string | Uint8Array | ArrayBuffer, options: ParseNotificationsOptions = NO_OPTIONS): CallEvent[] {
  return eventsOf(readRawNotificationBody, body, options)
}

/**
 * `parseRawNotifications` for bytes only, which is what the request handlers read (a body of at most
 * `maxBytes`): their bundles leave out the text path.
 */
export function parseNotificationBytes(body: Uint8Array, options: ParseNotificationsOptions = NO_OPTIONS): CallEvent[] {
  return eventsOf(readNotificationBytes, body, options)
}

/** The events of a body read by `read`. */
function eventsOf<Body>(read: (body: Body, maxBytes: number) => NotificationsEnvelope, body: Body, options: ParseNotificationsOptions): CallEvent[] {
  let batch: BatchContext
  let value: readonly unknown[]
  // Each branch reads the body itself: one shared call reading `options.maxBytes` measured ~15 instructions more.
  if (options === NO_OPTIONS) {
    value = read(body, DEFAULT_MAX_NOTIFICATION_BYTES).value
    DEFAULT_BATCH.receivedAtMs = undefined
    batch = DEFAULT_BATCH
  } else {
    value = read(body, options.maxBytes ?? DEFAULT_MAX_NOTIFICATION_BYTES).value
    batch = { receivedAtMs: options.receivedAt?.getTime(), now: options.now ?? currentTime, tenantId: options.tenantId }
  }
  // Graph nearly always sends one item, and an array literal costs less than filling a sized array.
  if (value.length === 1) return [notificationEvent(value[0], 0, batch)]
  const events: CallEvent[] = new Array(value.length)
  for (let i = 0; i < value.length; i++) events[i] = notificationEvent(value[i], i, batch)
  return events
}
