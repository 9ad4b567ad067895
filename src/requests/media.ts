import type { BotAppHostedMediaConfig, BotServiceHostedMediaConfig, PlayablePrompt, PreFetchMediaInfo } from '../schemas/types.generated.ts'
import type { Outbound } from '../schemas/outbound.ts'
import type { IncomingCallOptions, OutgoingCallOptions } from '../schemas/types.generated.ts'

/** `T` with every member whose value is `undefined` removed. */
type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> }

/**
 * `options` without its members whose value is `undefined`: the helpers' results then hold only members
 * with a value, as their types say. Any other member is kept, so a misspelt one still reaches the
 * validator, which names it.
 */
function defined<T extends object>(options: T): Defined<T> {
  // Spreading defines own properties, so a "__proto__" key stays plain data.
  const copy = { ...options } as Record<string, unknown>
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key]
  return copy as Defined<T>
}

/** Service-hosted media (Graph plays prompts and records): optionally with files to fetch ahead. */
export function serviceHostedMedia(options: { preFetchMedia?: readonly PreFetchMediaInfo[] | undefined } = {}): BotServiceHostedMediaConfig {
  // The list is taken as given and never changed, so one written `as const` passes too.
  return { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', ...defined(options) } as BotServiceHostedMediaConfig
}

/** App-hosted media: the media session configuration blob produced by the real-time media platform. */
export function appHostedMedia(blob: string): BotAppHostedMediaConfig {
  return { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob }
}

/** `incomingCallOptions` for an answer, with its `@odata.type` filled in. */
export function incomingCallOptions(options: Outbound<Omit<IncomingCallOptions, '@odata.type'>> = {}): IncomingCallOptions {
  return { '@odata.type': '#microsoft.graph.incomingCallOptions', ...defined(options) }
}

/** `outgoingCallOptions` for a created call, with its `@odata.type` filled in. */
export function outgoingCallOptions(options: Outbound<Omit<OutgoingCallOptions, '@odata.type'>> = {}): OutgoingCallOptions {
  return { '@odata.type': '#microsoft.graph.outgoingCallOptions', ...defined(options) }
}

/** A `mediaPrompt` that plays the file at `uri` (`resourceId` names it in Graph's cache, as in `preFetchMedia`). */
export function mediaPrompt(uri: string, options: { resourceId?: string | undefined } = {}): PlayablePrompt {
  return { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { uri, ...defined(options) } }
}
