import type { ClientContextParams } from '../schemas/types.generated.ts'
import type { AddLargeGalleryViewOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, operationAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/addLargeGalleryView`: adds the large gallery view to the call. Graph answers 202 with the operation started (`undefined` when that body did not come whole). */
export function addLargeGalleryView(callId: string, params: ClientContextParams = {}): GraphRequest<Inbound<AddLargeGalleryViewOperation> | undefined> {
  return operationAction(callPath(callId), 'addLargeGalleryView', { params, validate: validateClientContextParams })
}
