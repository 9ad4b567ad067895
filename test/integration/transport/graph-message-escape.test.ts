import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CallingClient, ConnectionError, GraphApiError } from '../../../src/index.ts'
import { mediaPrompt } from '../../../src/requests/index.ts'
import { FakeGraph } from '../client/fake-graph.ts'

/** C0, DEL, C1 and the JavaScript line terminators: any of them in a log line can forge another. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

let graph: FakeGraph
let client: CallingClient

beforeEach(async () => {
  graph = await FakeGraph.start()
  client = new CallingClient({ baseUrl: graph.url, maxRetries: 0, credential: async () => ({ token: 'eyJ0eXAi.escape-test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) })
})
afterEach(async () => {
  await client.close()
  await graph.close()
})

async function refusal(body: unknown, headers: Record<string, string> = {}): Promise<GraphApiError> {
  graph.reply({ status: 400, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const error = await client.calls.hangUp('call-1').then(
    () => expect.unreachable('the hang-up resolved'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GraphApiError)
  return error as GraphApiError
}

describe("Graph's words in a GraphApiError's message cannot forge a log line", () => {
  it("escapes the control characters of Graph's error.message and error.code, and keeps the body as Graph sent it", async () => {
    const graphMessage = 'line1\nline2\r\u001b[31mred\u007f\u0085\u009b\u2028\u2029\tend'
    const body = { error: { code: 'Bad\nCode', message: graphMessage } }
    const error = await refusal(body)
    expect(error.message, 'no control character reaches the message').not.toMatch(CONTROL)
    expect(error.message, 'each control character shows as its escape').toMatch(/^400 Bad\\nCode: line1\\nline2\\r\\u001b\[31mred\\u007f\\u0085\\u009b\\u2028\\u2029\\tend \(client-request-id [0-9a-f-]{36}\)$/)
    expect(error.body, 'the body is kept as Graph sent it').toEqual(body)
    expect(error.code, 'the code is as the message shows it').toBe('Bad\\nCode')
  })

  it('escapes the control characters of a request-id header, in the message', async () => {
    const error = await refusal({ error: { code: 'BadRequest', message: 'refused' } }, { 'request-id': 'rid\u0085\u009bx' })
    expect(error.message).not.toMatch(CONTROL)
    expect(error.message).toContain('request-id rid\\u0085\\u009bx')
  })
})

it("escapes the control characters of a 2xx body that is not JSON, quoted in the ConnectionError's message", async () => {
  graph.reply({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok\u009b31m\u2028forged line\u007f' })
  const error = await client.calls.playPrompt('call-1', { prompts: [mediaPrompt('https://cdn.contoso.com/beep.wav')] }).then(
    () => expect.unreachable('the prompt resolved'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConnectionError)
  expect((error as Error).message).not.toMatch(CONTROL)
  expect((error as Error).message).toContain('a body that is not JSON: "ok\\u009b31m\\u2028forged line\\u007f"')
})
