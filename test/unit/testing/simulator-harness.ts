/** A simulator on a manual clock, a bot that records what it is sent, and a raw Graph caller. */
import { request } from 'undici'
import { createGraphSimulator, ManualClock, type GraphSimulator, type GraphSimulatorOptions } from '../../../src/testing/index.ts'
import type { GraphRequest } from '../../../src/requests/index.ts'

/** A notification as the bot received it. */
export interface Received {
  readonly url: string
  readonly authorization: string | null
  readonly body: { value: { changeType: string; resourceUrl: string; resourceData?: any }[] }
}

/** What one item of a notification announced: the call state, or its change type and resource. */
export function labelOf(received: Received): string {
  const item = received.body.value[0]!
  return item.resourceData?.state ?? `${item.changeType} ${item.resourceUrl.split('/').slice(4, 5).join('')}`
}

export interface Harness {
  readonly simulator: GraphSimulator
  readonly clock: ManualClock
  /** Everything the bot was sent, in order of arrival. */
  readonly received: Received[]
  /** Sends a request to the simulated Graph through its dispatcher, as a client would. */
  send(graphRequest: GraphRequest<unknown> | { method: string; path: string; body?: unknown; apiVersion?: 'beta' }, init?: { headers?: Record<string, string>; rawBody?: string; version?: string; signal?: AbortSignal }): Promise<{ status: number; headers: Record<string, unknown>; body: any }>
}

export async function createHarness(options: Partial<GraphSimulatorOptions> = {}): Promise<Harness> {
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock()
  const received: Received[] = []
  const simulator = await createGraphSimulator({
    callbackUri: 'https://bot.example.com/api/calls',
    deliver: async (notification) => {
      received.push({ url: notification.url, authorization: notification.headers.get('authorization'), body: (await notification.json()) as Received['body'] })
      return new Response(null, { status: 202 })
    },
    ...options,
    clock,
  })
  return {
    simulator,
    clock,
    received,
    async send(graphRequest, init = {}) {
      const version = init.version ?? ('apiVersion' in graphRequest ? graphRequest.apiVersion : undefined) ?? 'v1.0'
      const answer = await request(`${simulator.baseUrl}/${version}${graphRequest.path}`, {
        method: graphRequest.method as 'POST',
        dispatcher: simulator.dispatcher,
        headers: { authorization: 'Bearer test-token', 'content-type': 'application/json', ...init.headers },
        body: init.rawBody ?? (graphRequest.body === undefined ? undefined : JSON.stringify(graphRequest.body)),
        signal: init.signal,
      })
      const text = await answer.body.text()
      return { status: answer.statusCode, headers: answer.headers, body: text === '' ? undefined : JSON.parse(text) }
    },
  }
}

/** The seed's service-hosted answer, for `callId`. */
export const serviceHostedAnswer = {
  callbackUri: 'https://bot.example.com/api/calls',
  acceptedModalities: ['audio' as const],
  mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' as const },
}
