/** The body of the beta `POST /communications/calls`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Int32, Nullable } from '../edm.ts'
import { RoutingPolicy } from '../beta/enums.ts'
import { InvitationParticipantInfo, ParticipantInfo } from '../beta/participant.ts'
import { BetaBotMediaConfig } from './beta-media-config.ts'
import { CreateCallParams, MeetingToJoinById, MeetingToJoinByOrganizer, MeetingToJoinByToken } from './create-call.ts'

// Beta's `meetingInfo` declares whether the meeting may go on without its host, for every kind of meeting.
// The organizer's and the join meeting id's kinds are open types, as on v1.0; the token's is not.
const allowConversationWithoutHost = Type.Optional(Nullable(Type.Boolean()))

/** Beta: a meeting joined with its join meeting id; v1.0's, and whether it may go on without its host. */
export const BetaMeetingToJoinById = Type.Object({ ...MeetingToJoinById.properties, allowConversationWithoutHost })
/** Beta: a meeting joined with its join meeting id. */
export type BetaMeetingToJoinById = Types.BetaMeetingToJoinById

/** Beta: a scheduled meeting joined through its organizer; v1.0's, and whether it may go on without its host. */
export const BetaMeetingToJoinByOrganizer = Type.Object({ ...MeetingToJoinByOrganizer.properties, allowConversationWithoutHost })
/** Beta: a scheduled meeting joined through its organizer. */
export type BetaMeetingToJoinByOrganizer = Types.BetaMeetingToJoinByOrganizer

/** Beta: a meeting joined with the token of its join URL; v1.0's, and whether it may go on without its host. */
export const BetaMeetingToJoinByToken = Type.Object({ ...MeetingToJoinByToken.properties, allowConversationWithoutHost }, { additionalProperties: false })
/** Beta: a meeting joined with the token of its join URL. */
export type BetaMeetingToJoinByToken = Types.BetaMeetingToJoinByToken

/** The beta `meetingInfo` of a call that joins a meeting: one of the three kinds, told apart by `@odata.type`. */
export const BetaMeetingToJoin = Type.Union([BetaMeetingToJoinById, BetaMeetingToJoinByOrganizer, BetaMeetingToJoinByToken])
/** The beta `meetingInfo` of a call that joins a meeting. */
export type BetaMeetingToJoin = Types.BetaMeetingToJoin

/**
 * The body of the beta "Create call": the v1.0 body with beta's media configuration, participant types and
 * meetings (which may go on without their host), how long to ring the targets and the routing policies of a
 * peer-to-peer call. As on v1.0, either
 * `targets` or `meetingInfo`, which the builder checks.
 */
export const BetaCreateCallParams = Type.Object(
  {
    ...CreateCallParams.properties,
    mediaConfig: BetaBotMediaConfig,
    targets: Type.Optional(Type.Array(InvitationParticipantInfo, { minItems: 1 })),
    meetingInfo: Type.Optional(BetaMeetingToJoin),
    source: Type.Optional(Nullable(ParticipantInfo)),
    ringingTimeoutInSeconds: Type.Optional(Nullable(Int32())),
    // Beta's call resource gives these for peer-to-peer calls, and does not mark them read-only.
    routingPolicies: Type.Optional(Nullable(Type.Array(RoutingPolicy))),
  },
  { additionalProperties: false },
)
/** The body of the beta "Create call". */
export type BetaCreateCallParams = Types.BetaCreateCallParams
