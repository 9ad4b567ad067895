/** The calls the fault tests make: each names its fault, so the faulty server knows what to do to it. */
import { CallingClient, type CallingClientOptions, type GraphResponse, type SendOptions } from '../../src/index.ts'
import { mediaPrompt, serviceHostedMedia } from '../../src/requests/index.ts'
import type { Fault } from './faulty-graph.ts'

/** A token credential that answers at once with a token good for an hour. */
export const instantToken: CallingClientOptions['credential'] = async () => ({ token: 'fault-test-token', expiresOnTimestamp: Date.now() + 3_600_000 })

/** A client of `baseUrl` on the real clock, with the instant token unless told otherwise. */
export function faultClient(baseUrl: string, options: Partial<CallingClientOptions> = {}): CallingClient {
  return new CallingClient({ baseUrl, credential: instantToken, ...options })
}

/** `POST .../calls/<fault>.<n>/playPrompt`: Graph answers 200 with an operation when it accepts it. */
export function playPrompt(client: CallingClient, fault: Fault, n = 0, options?: SendOptions): Promise<GraphResponse<unknown>> {
  return client.calls.playPrompt(`${fault}.${n}`, { prompts: [mediaPrompt('https://cdn.contoso.com/beep.wav')] }, options)
}

/** `POST /communications/calls` whose callback URI names the fault: Graph answers 201 with the new call. */
export function createCall(client: CallingClient, fault: Fault, options?: SendOptions): Promise<GraphResponse<unknown>> {
  return client.calls.create(
    {
      callbackUri: `https://bot.contoso.com/api/calls/${fault}`,
      targets: [{ identity: { user: { id: '8A34A46B-3D17-4ADC-8DCE-DC4E7D572698', displayName: 'Test User' } } }],
      requestedModalities: ['audio'],
      mediaConfig: serviceHostedMedia(),
    },
    options,
  )
}

/** `GET .../calls/<fault>.<n>`: reading, which is safe to send again. */
export function getCall(client: CallingClient, fault: Fault, n = 0, options?: SendOptions): Promise<GraphResponse<unknown>> {
  return client.calls.get(`${fault}.${n}`, options)
}

/** How a call ended: its status, or its error's name, with how long it took. */
export interface Ending {
  readonly status?: number
  readonly body?: unknown
  readonly error?: Error & { code?: unknown; cause?: unknown; retryAfterMs?: unknown; status?: unknown }
  readonly ms: number
}

/** Runs a call to its end, never throwing: what it ended with and how long it took. */
export async function ending(call: Promise<GraphResponse<unknown>>): Promise<Ending> {
  const start = performance.now()
  try {
    const { status, body } = await call
    return { status, body, ms: performance.now() - start }
  } catch (error) {
    return { error: error as Ending['error'], ms: performance.now() - start }
  }
}

/** The error codes along an error's chain of causes (`ECONNREFUSED`, `UND_ERR_SOCKET`). */
export function causeCodes(error: unknown): string[] {
  const codes: string[] = []
  for (let e = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    if (e instanceof AggregateError) for (const inner of e.errors) codes.push(...causeCodes(inner))
  }
  return codes
}
