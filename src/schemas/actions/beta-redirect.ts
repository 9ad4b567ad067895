/** Parameters of the beta `POST /communications/calls/{id}/redirect`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { CallDisposition } from '../beta/enums.ts'
import { InvitationParticipantInfo } from '../beta/participant.ts'
import { RedirectParams } from './redirect.ts'

/** The body of the beta `call: redirect`: the v1.0 parameters, beta targets, and how to ring and mask them. */
export const BetaRedirectParams = Type.Object(
  {
    ...RedirectParams.properties,
    targets: Type.Array(InvitationParticipantInfo, { minItems: 1, maxItems: 25 }),
    targetDisposition: Type.Optional(Nullable(CallDisposition)),
    maskCallee: Type.Optional(Nullable(Type.Boolean())),
    maskCaller: Type.Optional(Nullable(Type.Boolean())),
  },
  { additionalProperties: false },
)
/** The body of the beta `call: redirect`. */
export type BetaRedirectParams = Types.BetaRedirectParams
