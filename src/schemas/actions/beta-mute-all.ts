/** Parameters of the beta `POST /communications/calls/{id}/participants/muteAll`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { OptionalClientContext } from './common.ts'

/** The body of the beta `participant: muteAll`: the ids of the participants to mute. */
export const BetaMuteAllParams = Type.Object(
  {
    participants: Type.Optional(Nullable(Type.Array(Type.String({ minLength: 1 })))),
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of the beta `participant: muteAll`. */
export type BetaMuteAllParams = Types.BetaMuteAllParams
