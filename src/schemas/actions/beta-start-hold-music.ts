/** Parameters of the beta `POST /communications/calls/{id}/participants/{id}/startHoldMusic`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { BetaPlayablePrompt } from './beta-play-prompt.ts'
import { StartHoldMusicParams } from './start-hold-music.ts'

/** The body of the beta `participant: startHoldMusic`: the v1.0 parameters, with a prompt that can `loop`. */
export const BetaStartHoldMusicParams = Type.Object(
  { ...StartHoldMusicParams.properties, customPrompt: Type.Optional(Nullable(BetaPlayablePrompt)) },
  { additionalProperties: false },
)
/** The body of the beta `participant: startHoldMusic`. */
export type BetaStartHoldMusicParams = Types.BetaStartHoldMusicParams
