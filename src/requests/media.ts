import type { AnswerAppHostedMediaConfig, AnswerServiceHostedMediaConfig, PreFetchMediaInfo } from '../schemas/actions/answer.ts'
import type { IncomingCallOptions } from '../schemas/resources/call-options.ts'

/** Service-hosted media (Graph plays prompts and records): optionally with files to fetch ahead. */
export function serviceHostedMedia(options: { preFetchMedia?: PreFetchMediaInfo[] } = {}): AnswerServiceHostedMediaConfig {
  return { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', ...options }
}

/** App-hosted media: the media session configuration blob produced by the real-time media platform. */
export function appHostedMedia(blob: string): AnswerAppHostedMediaConfig {
  return { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob }
}

/** `incomingCallOptions` for an answer, with its `@odata.type` filled in. */
export function incomingCallOptions(options: Omit<IncomingCallOptions, '@odata.type'> = {}): IncomingCallOptions {
  return { '@odata.type': '#microsoft.graph.incomingCallOptions', ...options }
}
