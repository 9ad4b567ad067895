import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CallingClient, GraphApiError, type AttemptReport } from '../../../src/index.ts'
import { FakeGraph } from '../client/fake-graph.ts'
import { expectNoSecret } from '../client/secrets.ts'

let graph: FakeGraph
let client: CallingClient
let token: string
let reports: AttemptReport[]

beforeEach(async () => {
  graph = await FakeGraph.start()
  token = `eyJ0eXAi.header-secret-${randomBytes(12).toString('hex')}`
  reports = []
  client = new CallingClient({
    baseUrl: graph.url,
    maxRetries: 0,
    credential: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }),
    onAttempt: (report) => void reports.push(report),
  })
})
afterEach(async () => {
  await client.close()
  await graph.close()
})

/** The GraphApiError of a hang-up answered as `answer` says, after checking that the token shows nowhere in it or in its report. */
async function refusal(answer: (authorization: string) => { status: number; headers: Record<string, string> }): Promise<GraphApiError> {
  const reply = (req: IncomingMessage, res: ServerResponse) => {
    const { status, headers } = answer(req.headers.authorization ?? '')
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end('{"error":{"code":"BadRequest","message":"refused"}}')
  }
  // A 401 is sent once more with a new token, and refused the same way.
  graph.reply(reply, reply)
  const error = await client.calls.hangUp('call-1').then(
    () => expect.unreachable('the hang-up resolved'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GraphApiError)
  expectNoSecret(error, token)
  expect(reports).toHaveLength(graph.requests.length)
  expectNoSecret(reports, token)
  return error as GraphApiError
}

describe('a response header that quotes the token is redacted on the GraphApiError and in its report', () => {
  it('a proxy that echoes the Authorization header back in a header of its own', async () => {
    const error = await refusal((authorization) => ({ status: 400, headers: { 'x-echo-authorization': authorization } }))
    expect(error.headers['x-echo-authorization'], 'the echoed header keeps its scheme, with the token as [redacted]').toBe('Bearer [redacted]')
    expect(reports[0]!.error, 'the report carries the error itself').toBe(error)
  })

  it('a WWW-Authenticate challenge that quotes the token: its parameters stay readable', async () => {
    const error = await refusal(() => ({ status: 401, headers: { 'www-authenticate': `Bearer realm="x", token="${token}"` } }))
    expect(error.headers['www-authenticate'], 'the realm stays, the token goes').toBe('Bearer realm="x", token="[redacted]"')
  })

  it('a redirect whose Location carries the token', async () => {
    const error = await refusal(() => ({ status: 302, headers: { location: `https://evil.example/?t=${token}` } }))
    expect(error.status).toBe(302)
    expect(error.headers.location, 'the URL stays, the token goes').toBe('https://evil.example/?t=[redacted]')
  })

  it("Graph's ids taken from headers that echo the token, in the error's fields, message and report", async () => {
    const error = await refusal(() => ({ status: 400, headers: { 'request-id': token, 'client-request-id': `id-${token}` } }))
    expect([error.requestId, error.clientRequestId], 'the ids read from the headers are redacted').toEqual(['[redacted]', 'id-[redacted]'])
    expect(reports[0]!.requestId, "the report's request-id is redacted").toBe('[redacted]')
  })
})
