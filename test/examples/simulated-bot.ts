/** Example bots against the simulator: their settings, and one whole call checked step by step. */
import { expect } from 'vitest'
import type { GraphSimulator } from 'graph-calling/testing'
import type { BotSettings } from '../../examples/bot-settings.ts'

/** Settings that point an example bot at the simulator: its credential and dispatcher, its signing keys. */
export function settingsFor(graph: GraphSimulator, log: (line: string) => void = () => {}): BotSettings {
  return {
    appId: graph.signer.appId,
    callbackUri: 'https://bot.example.com/api/calls',
    client: { credential: graph.credential, dispatcher: graph.dispatcher },
    verify: { openIdConfigurationUrl: graph.signer.openIdConfigurationUrl, fetch: graph.signer.fetch },
    port: 0,
    log,
  }
}

/** Places a call, waits for its end, and checks every step: answer, greeting, hang-up, all notifications accepted. */
export async function expectWholeCall(graph: GraphSimulator): Promise<string> {
  const call = await graph.placeIncomingCall({ caller: { user: { id: 'u-1', displayName: 'Ada' } } })
  await graph.waitForState(call.id, 'terminated')
  await graph.idle()
  expect(graph.requests.map((r) => `${r.action} ${r.status}`)).toEqual(['answer 202', 'playPrompt 200', 'hangUp 204'])
  expect(graph.notifications.map((n) => `${n.label} ${n.status}`)).toEqual([
    'incoming 202',
    'establishing 202',
    'established 202',
    'operation playPrompt 202',
    'terminated 202',
  ])
  const ended = graph.call(call.id)
  expect(ended.respondedAt! - ended.placedAt).toBeLessThan(15_000)
  expect(ended.answer).toMatchObject({ callbackUri: 'https://bot.example.com/api/calls', mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' } })
  expect(ended.resultInfo).toMatchObject({ code: 200, message: 'The call was ended by the application.' })
  return call.id
}
