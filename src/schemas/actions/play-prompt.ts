/** Parameters of `POST /communications/calls/{id}/playPrompt`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { OptionalClientContext } from './common.ts'
import { PlayablePrompt } from './media-config.ts'

/** The body of `call: playPrompt`: 1 to 20 prompts (Graph plays at most 20 in one request). */
export const PlayPromptParams = Type.Object(
  {
    prompts: Type.Array(PlayablePrompt, { minItems: 1, maxItems: 20 }),
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of `call: playPrompt`. */
export type PlayPromptParams = Types.PlayPromptParams
