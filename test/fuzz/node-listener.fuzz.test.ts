/**
 * The Node listener over real HTTP, bare and behind a middleware that parsed the JSON body first (as
 * `express.json()` does): the extreme bodies and random mutated bodies are answered 202 with every item
 * delivered, or with the 4xx the oracle expects; never a 500.
 */
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { Pool } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toNodeListener } from '../../src/adapters/node.ts'
import type { CallEvent } from '../../src/notifications/index.ts'
import { describeBody, handlerUnderTest } from './fuzz-cases.ts'
import { CI_SEED, EXTREME_CASE_BOUND_MS, extremeBodies } from './fuzz-checks.ts'
import { mutatedBytes } from './mutations.ts'
import { checkEvents, expectedOutcome } from './oracle.ts'

const MAX_BYTES = 1024 * 1024
const subject = handlerUnderTest({ appId: 'fuzz-bot-app-id', verify: false, maxBytes: MAX_BYTES })
const listener = toNodeListener(subject.handle)
let server: Server
let pool: Pool

/** `/raw`: the listener reads the body. `/parsed`: a middleware JSON.parses it first, as express.json() does. */
beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.url === '/parsed') {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const text = Buffer.concat(chunks).toString('utf8')
      try {
        ;(req as IncomingMessage & { body?: unknown }).body = JSON.parse(text)
      } catch {
        res.writeHead(400).end('express.json() refused it')
        return
      }
    }
    listener(req, res)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { connections: 4 })
})
afterAll(async () => {
  await pool.close()
  server.closeAllConnections()
  server.close()
})

/** Posts the body to `path` and checks the answer against the oracle (for `/parsed`, once JSON.parse took it). */
async function check(path: '/raw' | '/parsed', body: string | Uint8Array): Promise<void> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  subject.delivered.length = 0
  subject.reported.length = 0
  const response = await pool.request({ path, method: 'POST', body: bytes, headers: { 'content-type': 'application/json' }, headersTimeout: EXTREME_CASE_BOUND_MS, bodyTimeout: EXTREME_CASE_BOUND_MS })
  const text = await response.body.text()
  const what = `${path} ${describeBody(body)}`
  if (path === '/parsed' && text === 'express.json() refused it') return
  const expected = (path === '/raw' ? expectedOutcome(bytes, MAX_BYTES) : expectedOutcome(writtenBack(bytes), MAX_BYTES))!
  expect(response.statusCode, `${what}: ${text.slice(0, 300)}`).toBe('items' in expected ? 202 : expected.status)
  if ('items' in expected) checkEvents(subject.delivered as CallEvent[], expected.items, what)
  else expect(subject.delivered).toEqual([])
}

/**
 * The text the listener hands on for a body the middleware parsed: the middleware decodes leniently
 * (invalid UTF-8 becomes U+FFFD) and the object is written back as JSON.stringify writes it (1e999 as null,
 * no spaces); a body too deep for JSON.stringify is written as it came.
 */
function writtenBack(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8')
  try {
    return JSON.stringify(JSON.parse(text))
  } catch (error) {
    if (error instanceof RangeError) return text
    throw error
  }
}

/** The extreme bodies but those that only make many events (the handler's fuzz test posts those). */
const HTTP_EXTREMES = extremeBodies.filter((b) => !/^(300,000 items|100,000 empty)/.test(b.name))

describe('extreme bodies over real HTTP', () => {
  it.each(HTTP_EXTREMES.map((b) => [b.name, b] as const))('%s', { timeout: 2 * EXTREME_CASE_BOUND_MS }, async (_, { body }) => {
    const input = body()
    await check('/raw', input)
    await check('/parsed', input)
  })
})

it('random mutated bodies over real HTTP, bare and behind a JSON middleware', { timeout: 120_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(mutatedBytes, async (bytes) => {
      await check('/raw', bytes)
      await check('/parsed', bytes)
    }),
    { seed: CI_SEED, numRuns: 200 },
  )
})
