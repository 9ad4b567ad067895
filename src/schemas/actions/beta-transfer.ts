/** Parameters of the beta `POST /communications/calls/{id}/transfer`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { InvitationParticipantInfo, ParticipantInfo } from '../beta/participant.ts'

/** The body of the beta `call: transfer`: the v1.0 parameters, with beta's participant types (`platformId`, `endpointType`). */
export const BetaTransferParams = Type.Object(
  {
    transferTarget: InvitationParticipantInfo,
    transferee: Type.Optional(Nullable(ParticipantInfo)),
  },
  { additionalProperties: false },
)
/** The body of the beta `call: transfer`. */
export type BetaTransferParams = Types.BetaTransferParams
