/** Parameters of `POST /communications/calls/{id}/participants/invite`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { InvitationParticipantInfo } from '../resources/participant.ts'
import { OptionalClientContext } from './common.ts'

/** The body of `participant: invite`: 1 to 5 participants (several only in a group call, "up to 5"). */
export const InviteParams = Type.Object(
  {
    participants: Type.Array(InvitationParticipantInfo, { minItems: 1, maxItems: 5 }),
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of `participant: invite`. */
export type InviteParams = Types.InviteParams
