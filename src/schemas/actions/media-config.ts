/** The media a bot asks for when it answers or places a call, and the prompts it plays. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable, ODataType } from '../edm.ts'
import { MediaUrl } from './common.ts'

/** A modality a bot can ask for: Graph's `modality` without `unknownFutureValue`. */
export const AcceptedModality = Type.Enum(['audio', 'video', 'videoBasedScreenSharing', 'data'])
/** A modality a bot can ask for. */
export type AcceptedModality = Types.AcceptedModality

/**
 * A media file Graph fetches ahead of playing it: its location is needed; its id, optional as Graph's
 * `mediaInfo` page says, is the key Graph caches it under, which a prompt that plays it then gives too.
 */
export const PreFetchMediaInfo = Type.Object(
  {
    '@odata.type': Type.Optional(ODataType('#microsoft.graph.mediaInfo')),
    uri: MediaUrl,
    resourceId: Type.Optional(Nullable(Type.String())),
  },
  // The same members as a prompt's `mediaInfo`; the description keeps the two apart in what issues name.
  { additionalProperties: false, description: 'a media file to fetch ahead of playing it' },
)
/** A media file Graph fetches ahead of playing it. */
export type PreFetchMediaInfo = Types.PreFetchMediaInfo

/** Media the bot hosts itself: the media session configuration blob from the media SDK. */
export const BotAppHostedMediaConfig = Type.Object(
  {
    '@odata.type': ODataType('#microsoft.graph.appHostedMediaConfig'),
    blob: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
)
/** Media the bot hosts itself. */
export type BotAppHostedMediaConfig = Types.BotAppHostedMediaConfig

/** Media hosted by Graph, with files to fetch ahead of prompts. */
export const BotServiceHostedMediaConfig = Type.Object(
  {
    '@odata.type': ODataType('#microsoft.graph.serviceHostedMediaConfig'),
    preFetchMedia: Type.Optional(Nullable(Type.Array(PreFetchMediaInfo))),
  },
  { additionalProperties: false },
)
/** Media hosted by Graph. */
export type BotServiceHostedMediaConfig = Types.BotServiceHostedMediaConfig

/** The `mediaConfig` of an answered or created call: app-hosted or service-hosted, told apart by `@odata.type`. */
export const BotMediaConfig = Type.Union([BotAppHostedMediaConfig, BotServiceHostedMediaConfig])
/** The `mediaConfig` of an answered or created call. */
export type BotMediaConfig = Types.BotMediaConfig

/** The media file a prompt plays: its location is needed, its id (a cache key) is not. */
export const PromptMediaInfo = Type.Object(
  {
    '@odata.type': Type.Optional(ODataType('#microsoft.graph.mediaInfo')),
    uri: MediaUrl,
    resourceId: Type.Optional(Nullable(Type.String())),
  },
  { additionalProperties: false },
)
/** The media file a prompt plays. */
export type PromptMediaInfo = Types.PromptMediaInfo

/** A prompt Graph can play: a `mediaPrompt` with the file to play. */
export const PlayablePrompt = Type.Object(
  {
    '@odata.type': ODataType('#microsoft.graph.mediaPrompt'),
    mediaInfo: PromptMediaInfo,
  },
  { additionalProperties: false },
)
/** A prompt Graph can play. */
export type PlayablePrompt = Types.PlayablePrompt
