import { request } from 'undici'

/**
 * What the simulator hands with each notification, as a serverless host hands a request context: pass it
 * to the bot's handler (`deliver: (n, context) => bot(n, context)`), and `graph.idle()` also waits for the
 * work the bot's `onEvent` started (its own requests to Graph), which the handler gives `waitUntil`.
 */
export interface DeliveryContext {
  /** Counts `work` as under way until it settles. */
  waitUntil(work: Promise<unknown>): void
}

/**
 * How a notification reaches the bot: given Graph's POST (its URL is the call's callback URI), returns the
 * bot's answer. The default sends it over HTTP; pass the bot's Web handler to deliver it in process.
 */
export type NotificationDelivery = (notification: Request, context?: DeliveryContext) => Promise<Response>

/** Sends the notification over HTTP to its URL, with undici (not `fetch`, which msw may intercept). */
export const deliverOverHttp: NotificationDelivery = async (notification) => {
  const answer = await request(notification.url, {
    method: 'POST',
    headers: Object.fromEntries(notification.headers),
    body: Buffer.from(await notification.arrayBuffer()),
    signal: notification.signal,
  })
  const headers = new Headers()
  for (const [name, value] of Object.entries(answer.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one)
  }
  const body = Buffer.from(await answer.body.arrayBuffer())
  const noBody = answer.statusCode === 204 || answer.statusCode === 304
  return new Response(noBody ? null : body, { status: answer.statusCode, headers })
}

/**
 * Delivers to `localOrigin` what Graph sends to the bot's public https callback URL, keeping path and
 * query, as a tunnel (dev tunnels, ngrok) in front of a bot on localhost does. Graph wants https callback
 * URIs; this lets a bot use one while it listens on `http://127.0.0.1`. Give a function for an origin known
 * only later (a bot listening on port 0): it is read at each delivery.
 */
export function tunnelTo(localOrigin: string | (() => string), deliver: NotificationDelivery = deliverOverHttp): NotificationDelivery {
  // A fixed origin is checked at once, so a typo fails where it is written.
  const fixed = typeof localOrigin === 'string' ? new URL(localOrigin) : undefined
  return async (notification, context) => {
    const origin = fixed ?? new URL((localOrigin as () => string)())
    const url = new URL(notification.url)
    url.protocol = origin.protocol
    // Host and port apart: setting `host` without a port (an origin on its scheme's default) keeps the callback's.
    url.hostname = origin.hostname
    url.port = origin.port
    const body = await notification.arrayBuffer()
    return deliver(new Request(url, { method: notification.method, headers: notification.headers, body, signal: notification.signal }), context)
  }
}
