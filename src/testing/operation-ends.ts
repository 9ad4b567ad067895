import type { ResultInfo } from '../schemas/types.ts'

/** What an operation reports when it ends, besides its status and `resultInfo` (`completionReason`, ...). */
export type CompletionDetails = Record<string, unknown>

/** How an operation ends: its final status, its `resultInfo`, and what else it reports then. */
export interface OperationEnd {
  readonly status: 'completed' | 'failed'
  readonly resultInfo: ResultInfo
  readonly details?: CompletionDetails | undefined
}

/** When an operation ends if nothing ends it first (a stop tone, `cancelMediaProcessing`), and how. */
export interface TimedEnd {
  /** After this long on the simulator's clock, from the request. */
  readonly afterMs: number
  readonly end: OperationEnd
}

/** The `resultInfo` of an operation that completed: the one the simulator has always reported. */
export const ACTION_COMPLETED: ResultInfo = { code: 200, subcode: 0, message: 'Action completed.' }

/** An operation that completed, with what it reports (none by default) and its `resultInfo`. */
export function completed(details?: CompletionDetails, resultInfo: ResultInfo = ACTION_COMPLETED): OperationEnd {
  return { status: 'completed', resultInfo, ...(details === undefined ? {} : { details }) }
}

/**
 * What `cancelMediaProcessing` leaves a prompt or recording under way as: failed, with the `resultInfo`
 * Graph's "call: cancelMediaProcessing" example notifies (400, subcode 8508).
 */
export function cancelled(details?: CompletionDetails): OperationEnd {
  return { status: 'failed', resultInfo: { code: 400, subcode: 8508, message: 'Action failed, the operation was cancelled.' }, ...(details === undefined ? {} : { details }) }
}
