/** Parameters of `POST /communications/calls/{id}/redirect`. */
import { Type, type TArray, type TInteger, type TNull, type TObject, type TOptional, type TString, type TUnion } from 'typebox'
import type * as Types from '../types.generated.ts'
import { InvitationParticipantInfo } from '../resources/participant.ts'
import { HttpsUrl } from './common.ts'

/** The body of `call: redirect`: 1 to 25 targets, and a ring timeout of 15 to 90 seconds. */
export const RedirectParams: TObject<{
  targets: TArray<typeof InvitationParticipantInfo>
  timeout: TOptional<TUnion<[TInteger, TNull]>>
  callbackUri: TOptional<TUnion<[TString, TNull]>>
}> = Type.Object(
  {
    targets: Type.Array(InvitationParticipantInfo, { minItems: 1, maxItems: 25 }),
    timeout: Type.Optional(Type.Union([Type.Integer({ minimum: 15, maximum: 90, description: 'a whole number of seconds from 15 to 90' }), Type.Null()])),
    callbackUri: Type.Optional(Type.Union([HttpsUrl, Type.Null()])),
  },
  { additionalProperties: false },
)
/** The body of `call: redirect`. */
export type RedirectParams = Types.RedirectParams
