/** Parameters of `POST /communications/calls/{id}/reject`. */
import { Type, type Static } from 'typebox'
import type { Outbound } from '../outbound.ts'
import { HttpsUrl } from './common.ts'

/** Why a bot rejects a call: Graph's `rejectReason` without `unknownFutureValue`. */
export const RejectCallReason = Type.Enum(['none', 'busy', 'forbidden'])
/** Why a bot rejects a call. */
export type RejectCallReason = Static<typeof RejectCallReason>

/** The body of `call: reject`. */
export const RejectParams = Type.Object(
  {
    reason: Type.Optional(Type.Union([RejectCallReason, Type.Null()])),
    callbackUri: Type.Optional(Type.Union([HttpsUrl, Type.Null()])),
  },
  { additionalProperties: false },
)
/** The body of `call: reject`. */
export type RejectParams = Outbound<Static<typeof RejectParams>>
