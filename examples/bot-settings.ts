// The settings every example bot takes, and how they are read from the environment for a real tenant.
import type { CallingClientOptions } from 'graph-calling'
import type { NotificationVerifyOptions } from 'graph-calling/web'

/** What an example bot is started with. */
export interface BotSettings {
  /** The bot's Microsoft app id: the audience of Graph's notification tokens. */
  appId: string
  /** The bot's public https callback URL (its calling webhook, or a tunnel to it). */
  callbackUri: string
  /** How the bot's `CallingClient` reaches Graph. */
  client: CallingClientOptions
  /** How notification tokens are verified. @default Graph's published keys */
  verify?: NotificationVerifyOptions
  /** The local port. @default 3978 */
  port?: number
  /** Where the bot says what it does. @default console.log */
  log?: (line: string) => void
}

/** A running example bot. */
export interface RunningBot {
  /** The local origin it listens on (`http://127.0.0.1:3978`). */
  readonly url: string
  close(): Promise<void>
}

/**
 * Settings for a real tenant: BOT_APP_ID, BOT_APP_SECRET, BOT_TENANT_ID and BOT_CALLBACK_URI (the https URL
 * Graph reaches the bot at), and PORT.
 */
export async function settingsFromEnvironment(): Promise<BotSettings> {
  const env = (name: string): string => {
    const value = process.env[name]
    if (!value) throw new Error(`set ${name} (see the README's "Demo"), or run \`npm start\` for the simulated call`)
    return value
  }
  const { ClientSecretCredential } = await import('@azure/identity')
  const appId = env('BOT_APP_ID')
  return {
    appId,
    callbackUri: env('BOT_CALLBACK_URI'),
    client: { credential: new ClientSecretCredential(env('BOT_TENANT_ID'), appId, env('BOT_APP_SECRET')) },
    port: Number(process.env['PORT'] ?? 3978),
  }
}
