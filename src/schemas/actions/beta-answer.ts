/** Parameters of the beta `POST /communications/calls/{id}/answer`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { AnswerParams } from './answer.ts'
import { BetaBotMediaConfig } from './beta-media-config.ts'

/** The body of the beta `call: answer`: the v1.0 parameters, with beta's media configuration. */
export const BetaAnswerParams = Type.Object({ ...AnswerParams.properties, mediaConfig: BetaBotMediaConfig }, { additionalProperties: false })
/** The body of the beta `call: answer`. */
export type BetaAnswerParams = Types.BetaAnswerParams
