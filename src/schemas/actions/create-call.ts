/** The body of `POST /communications/calls`: place an outgoing call, or join a meeting. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable, ODataType } from '../edm.ts'
import { OutgoingCallOptions } from '../resources/call-options.ts'
import { IdentitySet } from '../resources/identity.ts'
import { ChatInfo } from '../resources/meeting-info.ts'
import { InvitationParticipantInfo, ParticipantInfo } from '../resources/participant.ts'
import { HttpsUrl } from './common.ts'
import { AcceptedModality, BotMediaConfig } from './media-config.ts'

/** A meeting joined with the token of its join URL. */
export const MeetingToJoinByToken = Type.Object(
  {
    '@odata.type': ODataType('#microsoft.graph.tokenMeetingInfo'),
    token: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
)
/** A meeting joined with the token of its join URL. */
export type MeetingToJoinByToken = Types.MeetingToJoinByToken

/**
 * A scheduled meeting joined through its organizer (with the meeting's `chatInfo`). An open type, as in
 * Graph's contract: Graph's own example adds `allowConversationWithoutHost`, which goes through as given.
 */
export const MeetingToJoinByOrganizer = Type.Object({
  '@odata.type': ODataType('#microsoft.graph.organizerMeetingInfo'),
  organizer: IdentitySet,
})
/** A scheduled meeting joined through its organizer. */
export type MeetingToJoinByOrganizer = Types.MeetingToJoinByOrganizer

/** A meeting joined with its join meeting id, and its passcode when it has one. An open type, as in Graph's contract. */
export const MeetingToJoinById = Type.Object({
  '@odata.type': ODataType('#microsoft.graph.joinMeetingIdMeetingInfo'),
  joinMeetingId: Type.String({ minLength: 1 }),
  passcode: Type.Optional(Nullable(Type.String())),
})
/** A meeting joined with its join meeting id. */
export type MeetingToJoinById = Types.MeetingToJoinById

/** The `meetingInfo` of a call that joins a meeting: one of Graph's three kinds, told apart by `@odata.type`. */
export const MeetingToJoin = Type.Union([MeetingToJoinById, MeetingToJoinByOrganizer, MeetingToJoinByToken])
/** The `meetingInfo` of a call that joins a meeting. */
export type MeetingToJoin = Types.MeetingToJoin

/**
 * The body of "Create call": a `call` with only the properties a bot sets (Graph's read-only ones, such as
 * `state` or `direction`, are refused). Either `targets` (call someone) or `meetingInfo` (join a meeting),
 * never both; the builder checks that rule, which JSON Schema cannot say here.
 */
export const CreateCallParams = Type.Object(
  {
    '@odata.type': Type.Optional(ODataType('#microsoft.graph.call')),
    callbackUri: HttpsUrl,
    mediaConfig: BotMediaConfig,
    requestedModalities: Type.Optional(Type.Array(AcceptedModality, { minItems: 1, uniqueItems: true })),
    targets: Type.Optional(Type.Array(InvitationParticipantInfo, { minItems: 1 })),
    meetingInfo: Type.Optional(MeetingToJoin),
    chatInfo: Type.Optional(Nullable(ChatInfo)),
    source: Type.Optional(Nullable(ParticipantInfo)),
    tenantId: Type.Optional(Nullable(Type.String())),
    subject: Type.Optional(Nullable(Type.String())),
    callChainId: Type.Optional(Nullable(Type.String())),
    callOptions: Type.Optional(Nullable(OutgoingCallOptions)),
  },
  { additionalProperties: false },
)
/** The body of "Create call". */
export type CreateCallParams = Types.CreateCallParams
