/** Parameters of `POST /communications/calls/{id}/answer`. */
import { Type, type Static } from 'typebox'
import { ODataType } from '../edm.ts'
import { IncomingCallOptions } from '../resources/call-options.ts'
import { AbsoluteUrl, HttpsUrl } from './common.ts'

/** A modality a bot can accept: Graph's `modality` without `unknownFutureValue`. */
export const AcceptedModality = Type.Enum(['audio', 'video', 'videoBasedScreenSharing', 'data'])
/** A modality a bot can accept. */
export type AcceptedModality = Static<typeof AcceptedModality>

/** A media file Graph fetches ahead of playing it: both its location and its id are needed. */
export const PreFetchMediaInfo = Type.Object(
  {
    '@odata.type': Type.Optional(ODataType('#microsoft.graph.mediaInfo')),
    uri: AbsoluteUrl,
    resourceId: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
)
/** A media file Graph fetches ahead of playing it. */
export type PreFetchMediaInfo = Static<typeof PreFetchMediaInfo>

/** Media the bot hosts itself: the media session configuration blob from the media SDK. */
export const AnswerAppHostedMediaConfig = Type.Object(
  {
    '@odata.type': ODataType('#microsoft.graph.appHostedMediaConfig'),
    blob: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
)
/** Media the bot hosts itself. */
export type AnswerAppHostedMediaConfig = Static<typeof AnswerAppHostedMediaConfig>

/** Media hosted by Graph, with files to fetch ahead of prompts. */
export const AnswerServiceHostedMediaConfig = Type.Object(
  {
    '@odata.type': ODataType('#microsoft.graph.serviceHostedMediaConfig'),
    preFetchMedia: Type.Optional(Type.Array(PreFetchMediaInfo)),
  },
  { additionalProperties: false },
)
/** Media hosted by Graph. */
export type AnswerServiceHostedMediaConfig = Static<typeof AnswerServiceHostedMediaConfig>

/** The `mediaConfig` of an answer: app-hosted or service-hosted, told apart by `@odata.type`. */
export const AnswerMediaConfig = Type.Union([AnswerAppHostedMediaConfig, AnswerServiceHostedMediaConfig])
/** The `mediaConfig` of an answer. */
export type AnswerMediaConfig = Static<typeof AnswerMediaConfig>

/** The body of `call: answer`. */
export const AnswerParams = Type.Object(
  {
    callbackUri: HttpsUrl,
    acceptedModalities: Type.Array(AcceptedModality, { minItems: 1, uniqueItems: true }),
    mediaConfig: AnswerMediaConfig,
    participantCapacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()])),
    callOptions: Type.Optional(Type.Union([IncomingCallOptions, Type.Null()])),
  },
  { additionalProperties: false },
)
/** The body of `call: answer`. */
export type AnswerParams = Static<typeof AnswerParams>
