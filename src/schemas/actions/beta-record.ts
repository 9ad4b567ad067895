/** Parameters of the beta `POST /communications/calls/{id}/recordResponse` and `.../record`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { BetaPlayablePrompt } from './beta-play-prompt.ts'
import { RecordResponseParams } from './record-response.ts'

const betaRecordResponse = {
  ...RecordResponseParams.properties,
  prompts: Type.Optional(Nullable(Type.Array(BetaPlayablePrompt, { maxItems: 1 }))),
  streamWhileRecording: Type.Optional(Nullable(Type.Boolean())),
}

/** The body of the beta `call: recordResponse`: the v1.0 parameters and `streamWhileRecording`. */
export const BetaRecordResponseParams = Type.Object(betaRecordResponse, { additionalProperties: false })
/** The body of the beta `call: recordResponse`. */
export type BetaRecordResponseParams = Types.BetaRecordResponseParams

/** A limit in seconds of the beta `record`, which Graph does not cap at 2 minutes as it does `recordResponse`. */
const recordSeconds = Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'a whole number of seconds of at least 1' })))

/** The body of the beta `call: record`: the parameters of `recordResponse`, with longer limits allowed. */
export const BetaRecordParams = Type.Object(
  {
    ...betaRecordResponse,
    initialSilenceTimeoutInSeconds: recordSeconds,
    maxSilenceTimeoutInSeconds: recordSeconds,
    maxRecordDurationInSeconds: recordSeconds,
  },
  { additionalProperties: false },
)
/** The body of the beta `call: record`. */
export type BetaRecordParams = Types.BetaRecordParams
