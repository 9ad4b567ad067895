/** Parameters of `POST /communications/calls/{id}/answer`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { IncomingCallOptionsAsDeclared } from '../resources/call-options.ts'
import { HttpsUrl } from './common.ts'
import { AcceptedModality, BotMediaConfig } from './media-config.ts'

/** The body of `call: answer`. */
export const AnswerParams = Type.Object(
  {
    // Optional, as Graph's docs say: without it, Graph sends the call's notifications to the bot's own
    // calling webhook (the CSDL marks it non-nullable, which forbids null, not leaving it out).
    callbackUri: Type.Optional(HttpsUrl),
    acceptedModalities: Type.Array(AcceptedModality, { minItems: 1, uniqueItems: true }),
    mediaConfig: BotMediaConfig,
    participantCapacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()])),
    callOptions: Type.Optional(Type.Union([IncomingCallOptionsAsDeclared, Type.Null()])),
  },
  { additionalProperties: false },
)
/** The body of `call: answer`. */
export type AnswerParams = Types.AnswerParams
