/**
 * A load run against the Node handler: the bot (`bot-server.ts`) in a child process with `--expose-gc`,
 * verifying Graph's token on every request; undici posts to it over many connections, each request a
 * distinct body of several notifications, every notification numbered. At the end the numbers the bot was
 * handed are compared with the numbers sent, and its heap after a full GC with the heap at the start.
 */
import { fork } from 'node:child_process'
import { join } from 'node:path'
import { Pool } from 'undici'
import { createTestSigner } from '../../src/testing/test-signer.ts'
import type { BotAnswer, BotQuestion, BotSetup } from './bot-server.ts'

const NODE = join(import.meta.dirname, '../../node_modules/.bin/node')
const BOT = join(import.meta.dirname, 'bot-server.ts')
const APP_ID = 'load-bot-app-id'

/** How hard and how long to push. */
export interface LoadOptions {
  /** How long the measured run lasts at most, in seconds. */
  readonly seconds: number
  /** How many requests the measured run sends at most. */
  readonly maxRequests: number
  /** Connections in the undici pool. */
  readonly connections: number
  /** Requests in flight at once. */
  readonly inFlight: number
  /** Notifications in each body. */
  readonly itemsPerRequest: number
  /** Requests sent before the heap is first measured, so that code and caches are warm. */
  readonly warmupRequests: number
  /** Distinct signed tokens the requests take turns with. */
  readonly tokens: number
  /** Makes the bot keep every event, as a leaking app would (the control of the heap check). */
  readonly retainEvents?: boolean
}

/** What a run measured. */
export interface LoadFigures {
  readonly requests: number
  readonly events: number
  readonly seconds: number
  readonly requestsPerSecond: number
  readonly eventsPerSecond: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  /** Heap used by the bot after a full GC, after the warm-up and at the end. */
  readonly heapStartBytes: number
  readonly heapEndBytes: number
  /** How many requests got each status (all 202 when nothing went wrong). */
  readonly statuses: Readonly<Record<number, number>>
  /** Sequence numbers sent in a request that was answered 202 but never handed to the app. */
  readonly lost: readonly number[]
  /** Sequence numbers handed to the app more than once, or never sent. */
  readonly duplicated: readonly number[]
  readonly unexpected: readonly number[]
  /** Events whose call id carried no sequence number, and what reached `onError`. */
  readonly unnumbered: number
  readonly errors: readonly string[]
}

/** The default CI run: a few seconds. */
export const CI_LOAD: LoadOptions = { seconds: 4, maxRequests: 20_000, connections: 32, inFlight: 64, itemsPerRequest: 5, warmupRequests: 500, tokens: 32 }

/** One body of `count` notifications numbered from `first`: calls, an operation, a roster and content sharing. */
export function numberedBody(first: number, count: number): string {
  const value = Array.from({ length: count }, (_, i) => {
    const call = `/communications/calls/load-${first + i}`
    switch (i % 4) {
      case 0:
        return { '@odata.type': '#microsoft.graph.commsNotification', changeType: 'updated', resourceUrl: call, resourceData: { '@odata.type': '#microsoft.graph.call', state: 'established', direction: 'incoming' } }
      case 1:
        return {
          '@odata.type': '#microsoft.graph.commsNotification',
          changeType: 'deleted',
          resourceUrl: `${call}/operations/op-${first + i}`,
          resourceData: { '@odata.type': '#microsoft.graph.playPromptOperation', status: 'completed', clientContext: `ctx-${first + i}`, resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 0, message: 'Action completed successfully.' } },
        }
      case 2:
        return {
          '@odata.type': '#microsoft.graph.commsNotification',
          changeType: 'updated',
          resourceUrl: `${call}/participants`,
          resourceData: [1, 2].map((p) => ({ '@odata.type': '#microsoft.graph.participant', id: `p-${p}`, info: { identity: { user: { id: `u-${p}`, displayName: `User ${p}` } } }, isMuted: p === 2, isInLobby: false })),
        }
      default:
        return { '@odata.type': '#microsoft.graph.commsNotification', changeType: 'created', resourceUrl: `${call}/contentsharingsessions/s-${first + i}`, resourceData: { '@odata.type': '#microsoft.graph.contentSharingSession', id: `s-${first + i}` } }
    }
  })
  return JSON.stringify({ '@odata.type': '#microsoft.graph.commsNotifications', value })
}

/** Runs the bot in a child process and pushes load at it; resolves with the figures once the child has exited. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const signer = await createTestSigner({ appId: APP_ID })
  const tokens = await Promise.all(Array.from({ length: options.tokens }, (_, i) => signer.authorizationHeader({ jti: `load-${i}` }, { lifetimeSec: 3600 })))
  const capacity = (options.warmupRequests + options.maxRequests) * options.itemsPerRequest
  const bot = fork(BOT, [], { execPath: NODE, execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const exited = new Promise<number | null>((resolve) => bot.once('exit', resolve))
  const answers: BotAnswer[] = []
  const waiters: ((answer: BotAnswer) => void)[] = []
  bot.on('message', (answer: BotAnswer) => {
    const waiter = waiters.shift()
    if (waiter) waiter(answer)
    else answers.push(answer)
  })
  const next = () => new Promise<BotAnswer>((resolve) => (answers.length > 0 ? resolve(answers.shift()!) : waiters.push(resolve)))
  const ask = async <T extends BotAnswer['type']>(question: BotQuestion & { type: T }): Promise<Extract<BotAnswer, { type: T }>> => {
    bot.send(question)
    return (await next()) as Extract<BotAnswer, { type: T }>
  }

  const setup: BotSetup = {
    type: 'setup',
    appId: APP_ID,
    openIdConfigurationUrl: signer.openIdConfigurationUrl,
    keyDocuments: { [signer.openIdConfigurationUrl]: signer.openIdConfiguration, [signer.jwksUri]: signer.jwks },
    capacity,
    retainEvents: options.retainEvents ?? false,
  }
  bot.send(setup)
  const { url } = (await next()) as Extract<BotAnswer, { type: 'listening' }>
  const { origin, pathname } = new URL(url)
  const pool = new Pool(origin, { connections: options.connections, keepAliveTimeout: 60_000 })

  const statuses: Record<number, number> = {}
  /** The first sequence number of each request answered 202. */
  const accepted: number[] = []
  const latencies: number[] = []
  let sent = 0
  const post = async (request: number): Promise<void> => {
    const first = request * options.itemsPerRequest
    const start = performance.now()
    const response = await pool.request({
      path: pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tokens[request % tokens.length]! },
      body: numberedBody(first, options.itemsPerRequest),
    })
    await response.body.dump()
    latencies.push(performance.now() - start)
    statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1
    if (response.statusCode === 202) accepted.push(first)
  }
  const drive = async (until: number, last: number) => {
    const lane = async () => {
      while (sent < last && performance.now() < until) await post(sent++)
    }
    await Promise.all(Array.from({ length: options.inFlight }, lane))
  }

  try {
    await drive(Number.POSITIVE_INFINITY, options.warmupRequests)
    latencies.length = 0
    const heapStart = (await ask({ type: 'heap' })).heapUsed
    const start = performance.now()
    await drive(start + options.seconds * 1000, options.warmupRequests + options.maxRequests)
    const seconds = (performance.now() - start) / 1000
    const requests = latencies.length
    const heapEnd = (await ask({ type: 'heap' })).heapUsed
    const report = await ask({ type: 'counts' })
    const counts = Buffer.from(report.counts, 'base64')

    const expected = new Uint8Array(capacity)
    for (const first of accepted) expected.fill(1, first, first + options.itemsPerRequest)
    const lost: number[] = []
    const duplicated: number[] = []
    const unexpected: number[] = []
    for (let n = 0; n < capacity; n++) {
      const got = counts[n]!
      if (got === expected[n]) continue
      if (expected[n] === 0) unexpected.push(n)
      else if (got === 0) lost.push(n)
      else duplicated.push(n)
    }
    latencies.sort((a, b) => a - b)
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0
    return {
      requests,
      events: requests * options.itemsPerRequest,
      seconds,
      requestsPerSecond: requests / seconds,
      eventsPerSecond: (requests * options.itemsPerRequest) / seconds,
      p50Ms: percentile(50),
      p99Ms: percentile(99),
      maxMs: latencies.at(-1) ?? 0,
      heapStartBytes: heapStart,
      heapEndBytes: heapEnd,
      statuses,
      lost,
      duplicated,
      unexpected,
      unnumbered: report.unnumbered,
      errors: report.errors,
    }
  } finally {
    await pool.close()
    bot.send({ type: 'stop' } satisfies BotQuestion)
    await exited
  }
}
