import { afterEach, expect, it } from 'vitest'
import { createGraphSimulator } from 'graph-calling/testing'
import { createWebBot } from '../../examples/web-handler-bot.ts'
import { expectWholeCall, settingsFor } from './simulated-bot.ts'

const closing: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closing.length > 0) await closing.pop()!()
})

it('the Web-handler bot handles a whole call with no socket at all: notifications to its fetch, requests through the msw dispatcher', async () => {
  let bot: ReturnType<typeof createWebBot> | undefined
  const graph = await createGraphSimulator({ callbackUri: 'https://bot.example.com/api/calls', deliver: (request) => bot!.fetch(request) })
  bot = createWebBot(settingsFor(graph))
  closing.push(() => graph.close(), () => bot!.close())
  await expectWholeCall(graph)
})

it('the Web-handler bot ignores the late establishing and the repeated notifications Graph may send', async () => {
  let bot: ReturnType<typeof createWebBot> | undefined
  const lines: string[] = []
  const graph = await createGraphSimulator({
    callbackUri: 'https://bot.example.com/api/calls',
    deliver: (request) => bot!.fetch(request),
    notifications: { establishedFirst: true, duplicate: true },
  })
  bot = createWebBot(settingsFor(graph, (line) => lines.push(line)))
  closing.push(() => graph.close(), () => bot!.close())
  const call = await graph.placeIncomingCall()
  await graph.waitForState(call.id, 'terminated')
  await graph.idle()
  // One answer, one greeting, one hang-up, however many notifications came.
  expect(graph.requests.map((r) => `${r.action} ${r.status}`)).toEqual(['answer 202', 'playPrompt 200', 'hangUp 204'])
  expect(lines).toContain('ignored a late call.establishing')
  expect(lines).toContain('ignored a repeated call.incoming')
  expect(lines).toContain('ignored a repeated operation.completed')
})
