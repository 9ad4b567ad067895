import { request } from 'undici'
import { afterEach, expect, it } from 'vitest'
import { buildIncomingCallNotification, createGraphSimulator, tunnelTo } from 'graph-calling/testing'
import { startFastifyBot } from '../../examples/fastify-bot.ts'
import { expectWholeCall, settingsFor } from './simulated-bot.ts'

const closing: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closing.length > 0) await closing.pop()!()
})

async function setUp(log?: (line: string) => void) {
  let botUrl = ''
  const graph = await createGraphSimulator({ callbackUri: 'https://bot.example.com/api/calls', deliver: (n) => tunnelTo(botUrl)(n) })
  const bot = await startFastifyBot(settingsFor(graph, log))
  botUrl = bot.url
  closing.push(() => graph.close(), () => bot.close())
  return { graph, bot }
}

it('the Fastify bot handles a whole simulated call', async () => {
  const { graph } = await setUp()
  await expectWholeCall(graph)
})

it("the Fastify bot checks the token before the body, then the body's envelope, and never refuses a batch for one odd item", async () => {
  const { graph, bot } = await setUp()
  const post = async (authorization: string | undefined, body: unknown) => {
    const answer = await request(`${bot.url}/api/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      body: JSON.stringify(body),
    })
    await answer.body.dump()
    return answer.statusCode
  }
  const valid = buildIncomingCallNotification()
  expect(await post(undefined, { value: 'not a list' })).toBe(401)
  const token = await graph.signer.authorizationHeader()
  expect(await post(token, { value: 'not a list' })).toBe(400)
  // The parser reads 42 as an unknown event; the call beside it is answered.
  const callId = (valid.value[0]!.resourceUrl as string).split('/').pop()!
  expect(await post(token, { value: [42, valid.value[0]] })).toBe(202)
  await expect.poll(() => graph.requests.some((r) => r.path.endsWith(`/communications/calls/${callId}/answer`))).toBe(true)
  expect(await post(token, { ...valid, value: [{ ...valid.value[0], changeType: 'deleted', resourceData: undefined }] })).toBe(202)
  // A call in the legacy Skype format, which Graph posts again as commsNotifications once answered 204.
  expect(await post(token, { id: 'c1', participants: [], isMultiparty: false, presentedModalityTypes: ['audio'], callState: 'incoming' })).toBe(204)
})

it('the Fastify bot reads the body as Graph sent it: nulls and one-item arrays are not coerced on the way', async () => {
  const lines: string[] = []
  const { graph, bot } = await setUp((line) => lines.push(line))
  const ended = { changeType: 'deleted', resourceUrl: null, resource: '/communications/calls/abc', resourceData: [{ state: 'terminated', resultInfo: { code: 200, message: null } }] }
  const answer = await request(`${bot.url}/api/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: await graph.signer.authorizationHeader() },
    body: JSON.stringify({ value: [ended] }),
  })
  await answer.body.dump()
  expect(answer.statusCode).toBe(202)
  // Coerced, the null resourceUrl would have been "" (naming no call) and the message "".
  await expect.poll(() => lines).toContain('the call ended: 200')
})
