// A calling bot on Fastify: Fastify checks the token first (an onRequest hook: 401 before anything is
// read), then the body's envelope with a route schema (400 with Fastify's own error), and the route turns
// it into typed events.
//   BOT_APP_ID=... BOT_APP_SECRET=... BOT_TENANT_ID=... BOT_CALLBACK_URI=https://... node examples/fastify-bot.ts
import Fastify from 'fastify'
import { CallingClient } from 'graph-calling'
import { NotificationAuthError, NotificationParseError, createNotificationTokenVerifier, parseNotifications } from 'graph-calling/notifications'
import { createAnsweringBot } from './answering-bot.ts'
import { settingsFromEnvironment, type BotSettings, type RunningBot } from './bot-settings.ts'

/**
 * The route's body schema: it refuses only what `parseNotifications` refuses (a body that is not an object,
 * a `value` that is not an array). A schema of each item, such as `toInboundSchema(CommsNotifications)`,
 * would refuse a whole batch for one odd item, which the parser reads as an `unknown` event and never drops.
 */
const notificationsBody = { type: 'object', properties: { value: { type: 'array' } } } as const

/** Starts the bot on 127.0.0.1. */
export async function startFastifyBot(settings: BotSettings): Promise<RunningBot> {
  const client = new CallingClient(settings.client)
  const log = settings.log ?? ((line: string) => console.log(line))
  const bot = createAnsweringBot({ client, callbackUri: settings.callbackUri, log })
  const verifyToken = createNotificationTokenVerifier({ ...settings.verify, appId: settings.appId })
  const tenants = new WeakMap<object, string>()

  // Fastify's Ajv coerces types by default (a null to "" or 0, a one-item array to its item): the parser
  // must read the body as Graph sent it, so this app validates without coercing.
  const app = Fastify({ ajv: { customOptions: { coerceTypes: false } } })
  app.addHook('onRequest', async (request, reply) => {
    try {
      const { tenantId } = await verifyToken(request.headers.authorization)
      tenants.set(request, tenantId)
    } catch (error) {
      if (!(error instanceof NotificationAuthError)) throw error
      log(`refused a notification: ${error.reason}`)
      return reply.code(401).header('www-authenticate', 'Bearer').send()
    }
  })
  app.post('/api/calls', { schema: { body: notificationsBody } }, async (request, reply) => {
    const tenantId = tenants.get(request)
    let events
    try {
      events = parseNotifications(request.body, tenantId === undefined ? {} : { tenantId })
    } catch (error) {
      // A call in the legacy Skype format: answered 204, Graph posts it again as commsNotifications. Fastify
      // would answer a thrown error with a status under 400 as 500.
      if (error instanceof NotificationParseError && error.status === 204) return reply.code(204).send()
      throw error
    }
    // Graph wants its answer fast: the events are handled after the 202 goes out.
    void reply.code(202).send()
    for (const event of events) {
      bot.onEvent(event).catch((error: unknown) => log(`failed on ${event.type}: ${error instanceof Error ? error.message : String(error)}`))
    }
  })
  await app.listen({ port: settings.port ?? 3978, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : settings.port
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close()
      bot.stop()
      await client.close()
    },
  }
}

if (import.meta.main) {
  const bot = await startFastifyBot(await settingsFromEnvironment())
  console.log(`calling bot (Fastify) listening on ${bot.url}`)
}
