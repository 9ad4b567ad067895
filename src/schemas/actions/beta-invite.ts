/** Parameters of the beta `POST /communications/calls/{id}/participants/invite`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { InvitationParticipantInfo } from '../beta/participant.ts'
import { InviteParams } from './invite.ts'

/** The body of the beta `participant: invite`: the v1.0 parameters, with beta's invitations (`endpointType`). */
export const BetaInviteParams = Type.Object(
  { ...InviteParams.properties, participants: Type.Array(InvitationParticipantInfo, { minItems: 1, maxItems: 5 }) },
  { additionalProperties: false },
)
/** The body of the beta `participant: invite`. */
export type BetaInviteParams = Types.BetaInviteParams
