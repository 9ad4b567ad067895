/**
 * The bot under load, run as a child process with `--expose-gc` by `run-load.ts`: a real `node:http`
 * server on 127.0.0.1 with `toNodeListener(createNotificationHandler(...))`, verifying every token against
 * the key set the parent sends. It counts each event it is handed by the sequence number in its call id,
 * and answers the parent's questions over IPC: `heap` (heap used after a full GC) and `counts`.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from '../../src/adapters/node.ts'
import { createNotificationHandler, type CallEvent } from '../../src/adapters/web.ts'

/** What the parent sends first. */
export interface BotSetup {
  readonly type: 'setup'
  readonly appId: string
  readonly openIdConfigurationUrl: string
  /** The documents the key endpoint serves, by URL. */
  readonly keyDocuments: Record<string, unknown>
  /** One more than the largest sequence number that will be sent. */
  readonly capacity: number
  /** Keep every event (an app that leaks): the control that shows the heap check can fail. */
  readonly retainEvents?: boolean
}

/** What the parent asks later. */
export type BotQuestion = { readonly type: 'heap' } | { readonly type: 'counts' } | { readonly type: 'stop' }

/** The answers, in order: `listening`, then one per question. */
export type BotAnswer =
  | { readonly type: 'listening'; readonly url: string }
  | { readonly type: 'heap'; readonly heapUsed: number }
  /** `counts`: how many times each sequence number was delivered, one byte each, in base64. */
  | { readonly type: 'counts'; readonly counts: string; readonly errors: string[]; readonly unnumbered: number }

/** The sequence number in a call id `load-<n>`. */
const SEQUENCE = /^load-(\d+)$/

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')
const send = (answer: BotAnswer) => process.send!(answer)

process.once('message', (setup: BotSetup) => {
  // Counts in a typed array: its memory is outside the heap, so the heap figures are the handler's own.
  const counts = new Uint8Array(setup.capacity)
  const errors: string[] = []
  let unnumbered = 0
  const retained: CallEvent[] = []
  const handler = createNotificationHandler({
    appId: setup.appId,
    verify: {
      openIdConfigurationUrl: setup.openIdConfigurationUrl,
      fetch: async (url) => Response.json(setup.keyDocuments[url] ?? {}, { status: url in setup.keyDocuments ? 200 : 404 }),
    },
    onEvent: (event) => {
      if (setup.retainEvents) retained.push(event)
      const n = SEQUENCE.exec(event.callId ?? '')?.[1]
      if (n === undefined || Number(n) >= counts.length) unnumbered++
      else if (counts[Number(n)]! < 255) counts[Number(n)]!++
    },
    onError: (error) => {
      if (errors.length < 20) errors.push(String(error))
    },
  })
  const server = createServer(toNodeListener(handler))
  server.keepAliveTimeout = 60_000
  server.listen(0, '127.0.0.1', () => send({ type: 'listening', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/calls` }))

  process.on('message', (question: BotQuestion) => {
    if (question.type === 'heap') {
      gc!()
      gc!()
      send({ type: 'heap', heapUsed: process.memoryUsage().heapUsed })
    } else if (question.type === 'counts') {
      send({ type: 'counts', counts: Buffer.from(counts.buffer).toString('base64'), errors, unnumbered })
    } else {
      server.closeAllConnections()
      server.close()
      process.disconnect()
    }
  })
})
