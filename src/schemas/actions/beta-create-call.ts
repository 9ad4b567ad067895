/** The body of the beta `POST /communications/calls`. */
import { Type, type Static } from 'typebox'
import { Int32, Nullable } from '../edm.ts'
import { InvitationParticipantInfo, ParticipantInfo } from '../beta/participant.ts'
import { BetaBotMediaConfig } from './beta-media-config.ts'
import { CreateCallParams } from './create-call.ts'

/**
 * The body of the beta "Create call": the v1.0 body with beta's media configuration and participant types,
 * and how long to ring the targets. As on v1.0, either `targets` or `meetingInfo`, which the builder checks.
 */
export const BetaCreateCallParams = Type.Object(
  {
    ...CreateCallParams.properties,
    mediaConfig: BetaBotMediaConfig,
    targets: Type.Optional(Type.Array(InvitationParticipantInfo, { minItems: 1 })),
    source: Type.Optional(Nullable(ParticipantInfo)),
    ringingTimeoutInSeconds: Type.Optional(Nullable(Int32())),
  },
  { additionalProperties: false },
)
/** The body of the beta "Create call". */
export type BetaCreateCallParams = Static<typeof BetaCreateCallParams>
