import type { SendDtmfTonesParams } from '../schemas/actions/send-dtmf-tones.ts'
import type { SendDtmfTonesOperation } from '../schemas/resources/operation.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'
import { validateSendDtmfTonesParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/sendDtmfTones`: sends DTMF tones in the call. */
export function sendDtmfTones(callId: string, params: SendDtmfTonesParams): GraphRequest<SendDtmfTonesOperation> {
  return postAction(callPath(callId), 'sendDtmfTones', { params, validate: validateSendDtmfTonesParams })
}
