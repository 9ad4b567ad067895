/** Parameters of `POST /communications/calls/{id}/participants/{id}/startHoldMusic`. */
import { Type, type Static } from 'typebox'
import type { Outbound } from '../outbound.ts'
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
export type StartHoldMusicParams = Outbound<Static<typeof StartHoldMusicParams>>
