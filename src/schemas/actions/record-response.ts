/** Parameters of `POST /communications/calls/{id}/recordResponse`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { OptionalClientContext } from './common.ts'
import { PlayablePrompt } from './media-config.ts'

/** A recording limit in seconds: Graph takes 1 to 120 (a response is at most 2 minutes long). */
export const RecordingSeconds = Type.Integer({ minimum: 1, maximum: 120, description: 'a whole number of seconds from 1 to 120' })

/**
 * A key that ends a recording: a DTMF key as Graph's examples send it (`'#'`, `'1'`, `'*'`), or a `tone`
 * name (`'pound'`, `'tone1'`, `'star'`).
 */
export const StopTone = Type.Enum(
  // One list literal, not two spread: TypeScript keeps each member's literal type only then.
  [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'A', 'B', 'C', 'D',
    'tone0', 'tone1', 'tone2', 'tone3', 'tone4', 'tone5', 'tone6', 'tone7', 'tone8', 'tone9', 'star', 'pound', 'a', 'b', 'c', 'd', 'flash',
  ],
  { description: "a DTMF key ('0' to '9', '*', '#', 'A' to 'D') or a tone name ('tone0' to 'tone9', 'star', 'pound', 'a' to 'd', 'flash')" },
)
/** A key that ends a recording. */
export type StopTone = Types.StopTone

/** The body of `call: recordResponse`: at most one prompt, and limits of 1 to 120 seconds. */
export const RecordResponseParams = Type.Object(
  {
    prompts: Type.Optional(Nullable(Type.Array(PlayablePrompt, { maxItems: 1 }))),
    bargeInAllowed: Type.Optional(Nullable(Type.Boolean())),
    initialSilenceTimeoutInSeconds: Type.Optional(Nullable(RecordingSeconds)),
    maxSilenceTimeoutInSeconds: Type.Optional(Nullable(RecordingSeconds)),
    maxRecordDurationInSeconds: Type.Optional(Nullable(RecordingSeconds)),
    playBeep: Type.Optional(Nullable(Type.Boolean())),
    stopTones: Type.Optional(Nullable(Type.Array(StopTone))),
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of `call: recordResponse`. */
export type RecordResponseParams = Types.RecordResponseParams
