/** Parameters of `POST /communications/calls/{id}/participants/{id}/startHoldMusic`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { OptionalClientContext } from './common.ts'
import { PlayablePrompt } from './media-config.ts'

/** The body of `participant: startHoldMusic`: optionally, the prompt the held participant hears. */
export const StartHoldMusicParams = Type.Object(
  {
    customPrompt: Type.Optional(Nullable(PlayablePrompt)),
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of `participant: startHoldMusic`. */
export type StartHoldMusicParams = Types.StartHoldMusicParams
