/** Parameters of `POST /communications/calls/{id}/sendDtmfTones`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Nullable } from '../edm.ts'
import { Tone } from '../resources/enums.ts'
import { OptionalClientContext } from './common.ts'

/** The body of `call: sendDtmfTones`: at least one tone, and a delay between tones that is not negative. */
export const SendDtmfTonesParams = Type.Object(
  {
    tones: Type.Array(Tone, { minItems: 1 }),
    delayBetweenTonesMs: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, maximum: 2147483647, description: 'a whole number of milliseconds from 0 to 2147483647' })),
    ),
    clientContext: OptionalClientContext,
  },
  { additionalProperties: false },
)
/** The body of `call: sendDtmfTones`. */
export type SendDtmfTonesParams = Types.SendDtmfTonesParams
