import type { ClientContextParams } from '../schemas/actions/client-context.ts'
import type { AddLargeGalleryViewOperation } from '../schemas/resources/operation.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/addLargeGalleryView`: adds the large gallery view to the call. */
export function addLargeGalleryView(callId: string, params: ClientContextParams = {}): GraphRequest<AddLargeGalleryViewOperation> {
  return postAction(callPath(callId), 'addLargeGalleryView', { params, validate: validateClientContextParams })
}
