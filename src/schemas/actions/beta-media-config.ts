/** The media a bot asks for when it answers or places a call on Graph's beta API, and the prompts it plays there. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable, ODataType } from '../edm.ts'
import { LiveCaptionOptions } from '../beta/media-config.ts'
import { PreFetchMediaInfo } from './media-config.ts'

/** Whether the bot's audio stays out of the call's default audio routing group (beta). */
const removeFromDefaultAudioGroup = Type.Optional(Nullable(Type.Boolean()))

/** Media the bot hosts itself, on beta: the media session configuration blob, and beta's audio group option. */
export const BetaBotAppHostedMediaConfig = Type.Object(
  {
    '@odata.type': ODataType('#microsoft.graph.appHostedMediaConfig'),
    blob: Type.String({ minLength: 1 }),
    removeFromDefaultAudioGroup,
  },
  { additionalProperties: false },
)
/** Media the bot hosts itself, on beta. */
export type BetaBotAppHostedMediaConfig = Types.BetaBotAppHostedMediaConfig

/** Media hosted by Graph, on beta: files to fetch ahead of prompts, live captions, and beta's audio group option. */
export const BetaBotServiceHostedMediaConfig = Type.Object(
  {
    '@odata.type': ODataType('#microsoft.graph.serviceHostedMediaConfig'),
    preFetchMedia: Type.Optional(Nullable(Type.Array(PreFetchMediaInfo))),
    removeFromDefaultAudioGroup,
    liveCaptionOptions: Type.Optional(Nullable(LiveCaptionOptions)),
  },
  { additionalProperties: false },
)
/** Media hosted by Graph, on beta. */
export type BetaBotServiceHostedMediaConfig = Types.BetaBotServiceHostedMediaConfig

/** The `mediaConfig` of a call answered or created on beta: app-hosted or service-hosted, told apart by `@odata.type`. */
export const BetaBotMediaConfig = Type.Union([BetaBotAppHostedMediaConfig, BetaBotServiceHostedMediaConfig])
/** The `mediaConfig` of a call answered or created on beta. */
export type BetaBotMediaConfig = Types.BetaBotMediaConfig
