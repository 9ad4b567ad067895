/** Parameters of `POST /communications/calls/{id}/updateRecordingStatus`. */
import { Type, type Static } from 'typebox'
import type { Outbound } from '../outbound.ts'
import { OptionalClientContext } from './common.ts'

/** A recording status a bot can report: the values Graph's docs list (`recordingStatus` without `unknown`). */
export const RecordingStatusUpdate = Type.Enum(['notRecording', 'recording', 'failed'])
/** A recording status a bot can report. */
export type RecordingStatusUpdate = Static<typeof RecordingStatusUpdate>

/** The body of `call: updateRecordingStatus`. */
export const UpdateRecordingStatusParams = Type.Object(
  {
    status: RecordingStatusUpdate,
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of `call: updateRecordingStatus`. */
export type UpdateRecordingStatusParams = Outbound<Static<typeof UpdateRecordingStatusParams>>
