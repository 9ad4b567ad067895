/** Parameters of `POST /communications/calls/{id}/transfer`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { InvitationParticipantInfo, ParticipantInfo } from '../resources/participant.ts'

/** The body of `call: transfer`: the target, and the transferee (needed only to transfer out of a group call). */
export const TransferParams = Type.Object(
  {
    transferTarget: InvitationParticipantInfo,
    transferee: Type.Optional(Nullable(ParticipantInfo)),
  },
  { additionalProperties: false },
)
/** The body of `call: transfer`. */
export type TransferParams = Types.TransferParams
