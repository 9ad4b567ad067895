// A calling bot as a plain Web handler, `(request: Request) => Promise<Response>`, with no server of its own:
// the shape Bun (`Bun.serve(bot)`), Deno (`Deno.serve(bot.fetch)`), Cloudflare Workers, Next.js route
// handlers (`export const POST = bot.fetch`) and Hono take as it is.
import { createAnsweringBotHandler } from './answering-bot.ts'
import type { BotSettings } from './bot-settings.ts'

/** A bot that is only a `fetch` handler. */
export interface WebBot {
  /** Answers Graph's notification POSTs. */
  fetch(request: Request): Promise<Response>
  close(): Promise<void>
}

/** Makes the bot; the platform serves its `fetch`. */
export function createWebBot(settings: Omit<BotSettings, 'port'>): WebBot {
  const { handler, close } = createAnsweringBotHandler(settings)
  return {
    fetch: (request) => handler(request),
    close,
  }
}
