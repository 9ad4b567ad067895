import { afterEach, expect, it, vi } from 'vitest'
import { createGraphSimulator } from 'graph-calling/testing'
import { createIvrBot, type IvrMenu } from '../../examples/ivr-bot.ts'
import { settingsFor } from './simulated-bot.ts'

const closing: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closing.length > 0) await closing.pop()!()
})

const sales = { identity: { user: { id: 'sales-queue', displayName: 'Sales' } } }
const menu: IvrMenu = { '1': { label: 'sales', target: sales }, '2': { label: 'support', target: { identity: { user: { id: 'support-queue' } } } } }

it('the IVR bot plays its menu, collects a key and transfers the call; a wrong key gets the apology, then the menu again', async () => {
  let bot: ReturnType<typeof createIvrBot> | undefined
  const lines: string[] = []
  const graph = await createGraphSimulator({ callbackUri: 'https://bot.example.com/api/calls', deliver: (request) => bot!.fetch(request) })
  bot = createIvrBot(settingsFor(graph, (line) => lines.push(line)), menu)
  closing.push(() => graph.close(), () => bot!.close())

  const call = await graph.placeIncomingCall()
  await graph.waitForState(call.id, 'established')
  // The bot works after it has answered Graph's POST: wait for what it sends.
  const sent = (n: number) => vi.waitUntil(() => graph.requests.length >= n, { timeout: 10_000 })
  await sent(3)
  expect(await graph.pressTone(call.id, 'tone7')).toBe(true)
  await sent(5)
  expect(await graph.pressTone(call.id, 'tone1')).toBe(true)
  await graph.waitForState(call.id, 'terminated')
  await graph.idle()

  expect(graph.requests.map((r) => `${r.action} ${r.status}`)).toEqual([
    'answer 202',
    'subscribeToTone 200',
    'playPrompt 200',
    'playPrompt 200',
    'playPrompt 200',
    'transfer 202',
  ])
  const bodies = graph.requests.map((r) => r.body as Record<string, any>)
  expect(bodies[0]!.mediaConfig.preFetchMedia).toHaveLength(2)
  expect(bodies.slice(2, 5).map((b) => b.clientContext)).toEqual(['menu', 'sorry-7', 'menu'])
  expect(bodies[5]).toEqual({ transferTarget: sales })
  expect(lines).toEqual(['menu offered', 'key 7 is not on the menu', 'key 1: transferring to sales', expect.stringMatching(/^call ended: /)])
})
