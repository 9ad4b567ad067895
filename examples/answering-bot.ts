// What every example bot does with a call: answer with service-hosted media before Graph's deadline, play
// a greeting once the call is up, keep the call alive while it lasts, and hang up when the greeting has
// played. Late and repeated notifications (Graph may send `establishing` after `established`, or a state
// twice) are recognised and ignored.
import { CallingClient, createKeepAliveScheduler } from 'graph-calling'
import { createCallTracker, type CallEvent } from 'graph-calling/notifications'
import { incomingCallOptions, mediaPrompt, serviceHostedMedia } from 'graph-calling/requests'
import { createNotificationHandler, type NotificationRequestHandler } from 'graph-calling/web'
import type { BotSettings } from './bot-settings.ts'

/** What the answering bot needs. */
export interface AnsweringBotOptions {
  /** The client it answers, plays and hangs up with. */
  client: CallingClient
  /** The bot's public https callback URL: Graph sends the call's notifications there. */
  callbackUri: string
  /** The greeting it plays. */
  greetingUri?: string
  /** Where it says what it does. */
  log?: (line: string) => void
}

/** The answering bot: its reaction to each call event, and how to stop it. */
export interface AnsweringBot {
  /** Give it to `createNotificationHandler({ onEvent })`. */
  onEvent(event: CallEvent): Promise<void>
  /** Stops keeping calls alive. */
  stop(): void
}

/** Makes the answering bot. */
export function createAnsweringBot(options: AnsweringBotOptions): AnsweringBot {
  const { client, callbackUri } = options
  const log = options.log ?? ((line: string) => console.log(line))
  const greeting = mediaPrompt(options.greetingUri ?? 'https://cdn.contoso.com/greeting.wav')
  const tracker = createCallTracker()
  // Graph ends a call it has heard no keepAlive for in 45 minutes.
  const keepAlive = createKeepAliveScheduler({ send: (callId) => client.calls.keepAlive(callId), onError: (error, callId) => log(`keepAlive of ${callId} failed: ${String(error)}`) })

  const onEvent = async (event: CallEvent): Promise<void> => {
    const { stale, duplicate } = tracker.apply(event)
    if (stale || duplicate) {
      log(`ignored a ${stale ? 'late' : 'repeated'} ${event.type}`)
      return
    }
    switch (event.type) {
      case 'call.incoming': {
        const caller = event.call.source?.identity?.user?.displayName ?? 'someone'
        log(`${caller} is calling; answering before ${event.respondBy.toISOString()}`)
        // The deadline bounds the answer and its retries: an answer after it would be refused anyway.
        await client.calls.answer(
          event.callId,
          { callbackUri, acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia(), callOptions: incomingCallOptions({ isContentSharingNotificationEnabled: true }) },
          { deadline: event.respondBy },
        )
        log(`answered with ${event.respondBy.getTime() - Date.now()} ms to spare`)
        return
      }
      case 'call.established':
        keepAlive.track(event.callId)
        log('the call is up: playing the greeting')
        await client.calls.playPrompt(event.callId, { prompts: [greeting], clientContext: 'greeting' })
        return
      case 'contentSharing.started':
        log('the caller started sharing their screen')
        return
      case 'operation.completed': {
        if (event.clientContext !== 'greeting') return
        log('the greeting has played: hanging up')
        await client.calls.hangUp(event.callId)
        return
      }
      case 'call.terminated':
        keepAlive.untrack(event.callId)
        log(`the call ended: ${event.resultInfo?.code ?? '?'} ${event.resultInfo?.message ?? ''}`.trimEnd())
        return
    }
  }
  return { onEvent, stop: () => keepAlive.stop() }
}

/** The answering bot as a notification handler (`(Request) => Promise<Response>`), with the client it calls Graph with. */
export function createAnsweringBotHandler(settings: Omit<BotSettings, 'port'>): { handler: NotificationRequestHandler; close(): Promise<void> } {
  const client = new CallingClient(settings.client)
  const log = settings.log ?? ((line: string) => console.log(line))
  const bot = createAnsweringBot({ client, callbackUri: settings.callbackUri, log })
  const handler = createNotificationHandler({
    appId: settings.appId,
    ...(settings.verify === undefined ? {} : { verify: settings.verify }),
    onEvent: bot.onEvent,
    onError: (error, event) => log(`failed on ${event?.type ?? 'a request'}: ${error instanceof Error ? error.message : String(error)}`),
  })
  return {
    handler,
    close: async () => {
      bot.stop()
      await client.close()
    },
  }
}
