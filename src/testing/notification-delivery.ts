import { request } from 'undici'

/**
 * How a notification reaches the bot: given Graph's POST (its URL is the call's callback URI), returns the
 * bot's answer. The default sends it over HTTP; pass the bot's Web handler to deliver it in process.
 */
export type NotificationDelivery = (notification: Request) => Promise<Response>

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
 * URIs; this lets a bot use one while it listens on `http://127.0.0.1`.
 */
export function tunnelTo(localOrigin: string, deliver: NotificationDelivery = deliverOverHttp): NotificationDelivery {
  const origin = new URL(localOrigin)
  return async (notification) => {
    const url = new URL(notification.url)
    url.protocol = origin.protocol
    url.host = origin.host
    const body = await notification.arrayBuffer()
    return deliver(new Request(url, { method: notification.method, headers: notification.headers, body, signal: notification.signal }))
  }
}
