/**
 * The bodies of `POST /communications/calls/{id}/audioRoutingGroups` and `PATCH` of one group: which
 * participants' audio an app-hosted media bot receives (`receivers`) from which (`sources`).
 */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { ODataType } from '../edm.ts'

/** How a group routes audio: Graph's `routingMode` without `unknownFutureValue`. */
export const AudioRoutingMode = Type.Enum(['oneToOne', 'multicast'])
/** How a group routes audio. */
export type AudioRoutingMode = Types.AudioRoutingMode

/** Participant ids, at least one, each named once. */
const ParticipantIds = Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true })

/** The body of "Create audioRoutingGroup": the group's mode, its sources and its receivers; `id` is the bot's name for it. */
export const AudioRoutingGroupParams = Type.Object(
  {
    '@odata.type': Type.Optional(ODataType('#microsoft.graph.audioRoutingGroup')),
    id: Type.Optional(Type.String({ minLength: 1 })),
    routingMode: AudioRoutingMode,
    sources: ParticipantIds,
    receivers: ParticipantIds,
  },
  { additionalProperties: false },
)
/** The body of "Create audioRoutingGroup". */
export type AudioRoutingGroupParams = Types.AudioRoutingGroupParams

/** The body of "Update audioRoutingGroup": what changes. A group's `id` stays as it is: when given, it is the group's own. */
export const UpdateAudioRoutingGroupParams = Type.Object(
  {
    '@odata.type': Type.Optional(ODataType('#microsoft.graph.audioRoutingGroup')),
    id: Type.Optional(Type.String({ minLength: 1 })),
    routingMode: Type.Optional(AudioRoutingMode),
    sources: Type.Optional(ParticipantIds),
    receivers: Type.Optional(ParticipantIds),
  },
  { additionalProperties: false },
)
/** The body of "Update audioRoutingGroup". */
export type UpdateAudioRoutingGroupParams = Types.UpdateAudioRoutingGroupParams
