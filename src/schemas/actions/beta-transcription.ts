/** Parameters of the beta `POST /communications/calls/{id}/startTranscription` and `.../stopTranscription`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { OptionalClientContext } from './common.ts'

/** The body of the beta `call: startTranscription` and `call: stopTranscription`: a language such as `en-US`. */
export const BetaTranscriptionParams = Type.Object(
  {
    language: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of the beta `call: startTranscription` and `call: stopTranscription`. */
export type BetaTranscriptionParams = Types.BetaTranscriptionParams
