/** Parameters of `POST /communications/calls/{id}/changeScreenSharingRole`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { ScreenSharingRole } from '../resources/enums.ts'

/** The body of `call: changeScreenSharingRole`: `sharer` to start sharing the screen, `viewer` to stop. */
export const ChangeScreenSharingRoleParams = Type.Object({ role: ScreenSharingRole }, { additionalProperties: false })
/** The body of `call: changeScreenSharingRole`. */
export type ChangeScreenSharingRoleParams = Types.ChangeScreenSharingRoleParams
