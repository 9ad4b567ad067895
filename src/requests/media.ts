import type { BotAppHostedMediaConfig, BotServiceHostedMediaConfig, PlayablePrompt, PreFetchMediaInfo } from '../schemas/actions/media-config.ts'
import type { IncomingCallOptions, OutgoingCallOptions } from '../schemas/resources/call-options.ts'

/** Service-hosted media (Graph plays prompts and records): optionally with files to fetch ahead. */
export function serviceHostedMedia(options: { preFetchMedia?: PreFetchMediaInfo[] } = {}): BotServiceHostedMediaConfig {
  return { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', ...options }
}

/** App-hosted media: the media session configuration blob produced by the real-time media platform. */
export function appHostedMedia(blob: string): BotAppHostedMediaConfig {
  return { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob }
}

/** `incomingCallOptions` for an answer, with its `@odata.type` filled in. */
export function incomingCallOptions(options: Omit<IncomingCallOptions, '@odata.type'> = {}): IncomingCallOptions {
  return { '@odata.type': '#microsoft.graph.incomingCallOptions', ...options }
}

/** `outgoingCallOptions` for a created call, with its `@odata.type` filled in. */
export function outgoingCallOptions(options: Omit<OutgoingCallOptions, '@odata.type'> = {}): OutgoingCallOptions {
  return { '@odata.type': '#microsoft.graph.outgoingCallOptions', ...options }
}

/** A `mediaPrompt` that plays the file at `uri` (`resourceId` names it in Graph's cache, as in `preFetchMedia`). */
export function mediaPrompt(uri: string, options: { resourceId?: string } = {}): PlayablePrompt {
  return { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { uri, ...options } }
}
