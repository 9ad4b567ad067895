// An IVR bot: it answers, offers a menu ("press 1 for sales, 2 for support"), collects the caller's key
// press and transfers the call; an unknown key gets a short apology (awaited until it has played) and the
// menu again. Runs as a Web handler: give `fetch` to any server, or to the simulator in tests.
import { CallingClient, createKeepAliveScheduler } from 'graph-calling'
import { createCallTracker, createOperationWaiter, type CallEvent } from 'graph-calling/notifications'
import { mediaPrompt, serviceHostedMedia } from 'graph-calling/requests'
import type { InvitationParticipantInfo } from 'graph-calling/types'
import { createNotificationHandler } from 'graph-calling/web'
import type { BotSettings } from './bot-settings.ts'

/** Where each menu key sends the caller. */
export type IvrMenu = Readonly<Record<string, { label: string; target: InvitationParticipantInfo }>>

const MENU = { uri: 'https://cdn.contoso.com/ivr/menu.wav', resourceId: 'ivr-menu' }
const SORRY = { uri: 'https://cdn.contoso.com/ivr/sorry.wav', resourceId: 'ivr-sorry' }
const MENU_PROMPT = mediaPrompt(MENU.uri, { resourceId: MENU.resourceId })
const SORRY_PROMPT = mediaPrompt(SORRY.uri, { resourceId: SORRY.resourceId })

/** The IVR bot as a `fetch` handler. */
export function createIvrBot(settings: Omit<BotSettings, 'port'>, menu: IvrMenu) {
  const client = new CallingClient(settings.client)
  const log = settings.log ?? ((line: string) => console.log(line))
  const tracker = createCallTracker()
  const operations = createOperationWaiter({ defaultTimeoutMs: 30_000 })
  const keepAlive = createKeepAliveScheduler({ send: (callId) => client.calls.keepAlive(callId) })

  const playMenu = (callId: string) => client.calls.playPrompt(callId, { prompts: [MENU_PROMPT], clientContext: 'menu' })

  const onEvent = async (event: CallEvent): Promise<void> => {
    operations.observe(event)
    const { stale, duplicate } = tracker.apply(event)
    if (stale || duplicate) return
    switch (event.type) {
      case 'call.incoming':
        await client.calls.answer(
          event.callId,
          {
            callbackUri: settings.callbackUri,
            acceptedModalities: ['audio'],
            // Graph fetches the prompts while the call is set up, so the menu plays without delay.
            mediaConfig: serviceHostedMedia({ preFetchMedia: [MENU, SORRY] }),
          },
          { deadline: event.respondBy },
        )
        return
      case 'call.established':
        keepAlive.track(event.callId)
        await client.calls.subscribeToTone(event.callId, { clientContext: 'menu-keys' })
        await playMenu(event.callId)
        log('menu offered')
        return
      case 'call.updated': {
        const tone = event.call.toneInfo?.tone
        if (typeof tone !== 'string') return
        const key = tone.replace(/^tone/, '')
        const choice = menu[key]
        if (!choice) {
          log(`key ${key} is not on the menu`)
          const { body } = await client.calls.playPrompt(event.callId, { prompts: [SORRY_PROMPT], clientContext: `sorry-${key}` })
          // Awaiting the apology before the menu: prompts played at once would overlap.
          const apology = await operations.wait(event.callId, body)
          // A caller who hung up during the apology needs no menu (Graph would answer 404).
          if (apology.status === 'CallEnded') return
          await playMenu(event.callId)
          return
        }
        log(`key ${key}: transferring to ${choice.label}`)
        await client.calls.transfer(event.callId, { transferTarget: choice.target })
        return
      }
      case 'call.terminated':
        keepAlive.untrack(event.callId)
        log(`call ended: ${event.resultInfo?.message ?? 'no reason given'}`)
        return
    }
  }

  const handler = createNotificationHandler({
    appId: settings.appId,
    ...(settings.verify === undefined ? {} : { verify: settings.verify }),
    onEvent,
    onError: (error) => log(`error: ${String(error)}`),
  })
  return {
    fetch: handler,
    async close() {
      keepAlive.stop()
      operations.close()
      await client.close()
    },
  }
}
