import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AbortError, CallingClient, ConnectionError, TimeoutError, type AttemptReport } from '../../../src/index.ts'
import { mediaPrompt } from '../../../src/requests/index.ts'
import { FakeGraph } from '../client/fake-graph.ts'

let graph: FakeGraph
let client: CallingClient
let reports: AttemptReport[]

beforeEach(async () => {
  graph = await FakeGraph.start()
  reports = []
  client = new CallingClient({
    baseUrl: graph.url,
    timeoutMs: 150,
    credential: async () => ({ token: 'eyJ0eXAi.unreadable-answer-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
    onAttempt: (report) => void reports.push(report),
  })
})
afterEach(async () => {
  await client.close()
  await graph.close()
})

const ids = { 'request-id': 'RID-CUT', 'client-request-id': 'CRID-CUT' }
const playPrompt = () => client.calls.playPrompt('call-1', { prompts: [mediaPrompt('https://cdn.contoso.com/beep.wav')] })

/** The error the prompt ends with, after checking it carries Graph's ids, as its one attempt's report does. */
async function failureWithIds(reply: (req: IncomingMessage, res: ServerResponse) => void): Promise<ConnectionError> {
  graph.reply(reply)
  const error = await playPrompt().then(
    () => expect.unreachable('the prompt resolved'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConnectionError)
  const { acceptedStatus, requestId, clientRequestId } = error as ConnectionError
  expect({ acceptedStatus, requestId, clientRequestId }, "the error keeps the 200 and the ids Graph answered with").toEqual({ acceptedStatus: 200, requestId: 'RID-CUT', clientRequestId: 'CRID-CUT' })
  expect(reports.map((r) => [r.status, r.requestId]), "the attempt's report names Graph's request-id").toEqual([[200, 'RID-CUT']])
  expect(graph.requests).toHaveLength(1)
  return error as ConnectionError
}

describe("a 2xx whose body cannot be read keeps Graph's request-id and client-request-id", () => {
  it('a body cut off before its Content-Length', async () => {
    await failureWithIds((_, res) => {
      res.writeHead(200, { ...ids, 'content-type': 'application/json', 'content-length': '200' })
      res.write('{"@odata.type":"#microsoft.graph.playPromptOperation",', () => setTimeout(() => res.socket!.destroy(), 10))
    })
  })

  it('an HTML body where JSON is due', async () => {
    const error = await failureWithIds((_, res) => {
      res.writeHead(200, { ...ids, 'content-type': 'text/html' })
      res.end('<html><title>Sign in</title></html>')
    })
    expect(error.message).toContain('with a body that is not JSON')
  })

  it('no body where an operation is due', async () => {
    const error = await failureWithIds((_, res) => {
      res.writeHead(200, { ...ids, 'content-length': '0' })
      res.end()
    })
    expect(error.message).toContain('with no body')
  })

  it('a body that stops coming, until the attempt times out', async () => {
    const error = await failureWithIds((_, res) => {
      res.writeHead(200, { ...ids, 'content-type': 'application/json' })
      res.write('{"id":')
    })
    expect(error).toBeInstanceOf(TimeoutError)
  })
})

it("a 2xx whose body the caller's signal stops is an AbortError that keeps Graph's ids", async () => {
  const controller = new AbortController()
  graph.reply((_, res) => {
    res.writeHead(200, { ...ids, 'content-type': 'application/json' })
    res.write('{"id":', () => setTimeout(() => controller.abort(new Error('the bot moved on')), 20))
  })
  const error = await client.calls.playPrompt('call-1', { prompts: [mediaPrompt('https://cdn.contoso.com/beep.wav')] }, { signal: controller.signal }).then(
    () => expect.unreachable('the prompt resolved'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AbortError)
  const { acceptedStatus, requestId, clientRequestId } = error as AbortError
  expect({ acceptedStatus, requestId, clientRequestId }, 'the abort keeps the 200 and the ids Graph answered with').toEqual({ acceptedStatus: 200, requestId: 'RID-CUT', clientRequestId: 'CRID-CUT' })
  expect(reports.map((r) => [r.status, r.requestId]), "the attempt's report names Graph's request-id").toEqual([[200, 'RID-CUT']])
})
