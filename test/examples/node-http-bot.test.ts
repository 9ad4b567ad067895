import { afterEach, expect, it } from 'vitest'
import { createGraphSimulator, tunnelTo } from 'graph-calling/testing'
import { startNodeHttpBot } from '../../examples/node-http-bot.ts'
import { expectWholeCall, settingsFor } from './simulated-bot.ts'

const closing: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closing.length > 0) await closing.pop()!()
})

it('the node:http bot answers, greets and hangs up a simulated call, verifying every notification', async () => {
  let botUrl = ''
  const graph = await createGraphSimulator({ callbackUri: 'https://bot.example.com/api/calls', deliver: (n) => tunnelTo(botUrl)(n) })
  const lines: string[] = []
  const bot = await startNodeHttpBot(settingsFor(graph, (line) => lines.push(line)))
  botUrl = bot.url
  closing.push(() => graph.close(), () => bot.close())
  await expectWholeCall(graph)
  expect(lines[0]).toMatch(/^Ada is calling; answering before /)
  expect(lines.at(-1)).toBe('the call ended: 200 The call was ended by the application.')
})

it('the node:http bot refuses a notification signed with keys it does not trust', async () => {
  let botUrl = ''
  const trusted = await createGraphSimulator({ callbackUri: 'https://bot.example.com/api/calls' })
  const impostor = await createGraphSimulator({ callbackUri: 'https://bot.example.com/api/calls', appId: trusted.signer.appId, deliver: (n) => tunnelTo(botUrl)(n) })
  const bot = await startNodeHttpBot(settingsFor(trusted))
  botUrl = bot.url
  closing.push(() => trusted.close(), () => impostor.close(), () => bot.close())
  await impostor.placeIncomingCall()
  expect(impostor.notifications[0]!.status).toBe(401)
  expect(impostor.requests).toEqual([])
})
