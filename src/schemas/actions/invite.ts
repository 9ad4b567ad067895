/** Parameters of `POST /communications/calls/{id}/participants/invite`. */
import { Type, type Static } from 'typebox'
import { InvitationParticipantInfo } from '../resources/participant.ts'
import { OptionalClientContext } from './common.ts'

/** The body of `participant: invite`: at least one participant (several only in a group call). */
export const InviteParams = Type.Object(
  {
    participants: Type.Array(InvitationParticipantInfo, { minItems: 1 }),
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of `participant: invite`. */
export type InviteParams = Static<typeof InviteParams>
