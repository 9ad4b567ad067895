/** Parameters of `POST /communications/calls/{id}/updateRecordingStatus`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { OptionalClientContext } from './common.ts'

/** A recording status a bot can report: the values Graph's docs list (`recordingStatus` without `unknown`). */
export const RecordingStatusUpdate = Type.Enum(['notRecording', 'recording', 'failed'])
/** A recording status a bot can report. */
export type RecordingStatusUpdate = Types.RecordingStatusUpdate

/** The body of `call: updateRecordingStatus`. */
export const UpdateRecordingStatusParams = Type.Object(
  {
    status: RecordingStatusUpdate,
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of `call: updateRecordingStatus`. */
export type UpdateRecordingStatusParams = Types.UpdateRecordingStatusParams
