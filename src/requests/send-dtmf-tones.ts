import type { SendDtmfTonesParams } from '../schemas/types.generated.ts'
import type { SendDtmfTonesOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, operationAction } from './call-action.ts'
import { validateSendDtmfTonesParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/sendDtmfTones`: sends DTMF tones in the call. */
export function sendDtmfTones(callId: string, params: SendDtmfTonesParams): GraphRequest<Inbound<SendDtmfTonesOperation>> {
  return operationAction(callPath(callId), 'sendDtmfTones', { params, validate: validateSendDtmfTonesParams })
}
