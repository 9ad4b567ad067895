// A calling bot on node:http: the notification handler as a request listener, and a CallingClient.
//   BOT_APP_ID=... BOT_APP_SECRET=... BOT_TENANT_ID=... BOT_CALLBACK_URI=https://... node examples/node-http-bot.ts
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from 'graph-calling/node'
import { createAnsweringBotHandler } from './answering-bot.ts'
import { settingsFromEnvironment, type BotSettings, type RunningBot } from './bot-settings.ts'

/** Starts the bot on 127.0.0.1. */
export async function startNodeHttpBot(settings: BotSettings): Promise<RunningBot> {
  const { handler, close } = createAnsweringBotHandler(settings)
  const server = createServer(toNodeListener(handler))
  await new Promise<void>((resolve) => server.listen(settings.port ?? 3978, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await close()
    },
  }
}

if (import.meta.main) {
  const bot = await startNodeHttpBot(await settingsFromEnvironment())
  console.log(`calling bot listening on ${bot.url}`)
}
