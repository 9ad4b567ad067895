/** Parameters of `POST /communications/calls/{id}/reject`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { HttpsUrl } from './common.ts'

/** Why a bot rejects a call: Graph's `rejectReason` without `unknownFutureValue`. */
export const RejectCallReason = Type.Enum(['none', 'busy', 'forbidden'])
/** Why a bot rejects a call. */
export type RejectCallReason = Types.RejectCallReason

/** The body of `call: reject`. */
export const RejectParams = Type.Object(
  {
    reason: Type.Optional(Type.Union([RejectCallReason, Type.Null()])),
    callbackUri: Type.Optional(Type.Union([HttpsUrl, Type.Null()])),
  },
  { additionalProperties: false },
)
/** The body of `call: reject`. */
export type RejectParams = Types.RejectParams
