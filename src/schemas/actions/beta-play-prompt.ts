/** Parameters of the beta `POST /communications/calls/{id}/playPrompt`, which can loop. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Int32, Nullable, ODataType } from '../edm.ts'
import { OptionalClientContext } from './common.ts'
import { PromptMediaInfo } from './media-config.ts'

/** A prompt Graph's beta API can play: a `mediaPrompt` with the file to play and its beta `loop` count. */
export const BetaPlayablePrompt = Type.Object(
  {
    '@odata.type': ODataType('#microsoft.graph.mediaPrompt'),
    mediaInfo: PromptMediaInfo,
    loop: Type.Optional(Nullable(Int32())),
  },
  { additionalProperties: false },
)
/** A prompt Graph's beta API can play. */
export type BetaPlayablePrompt = Types.BetaPlayablePrompt

/** The body of the beta `call: playPrompt`: 1 to 20 prompts, and whether to loop them. */
export const BetaPlayPromptParams = Type.Object(
  {
    prompts: Type.Array(BetaPlayablePrompt, { minItems: 1, maxItems: 20 }),
    loop: Type.Optional(Nullable(Type.Boolean())),
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of the beta `call: playPrompt`. */
export type BetaPlayPromptParams = Types.BetaPlayPromptParams
