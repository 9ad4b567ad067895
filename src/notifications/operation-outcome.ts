import type { Inbound } from '../schemas/inbound.ts'
import type { ResultInfo } from '../schemas/types.generated.ts'
import type { CallTerminatedEvent, OperationCompletedEvent, OperationFailedEvent } from './call-event.ts'

/** Graph's own word on how an operation (playPrompt, recordResponse, invite, ...) ended: it completed or failed. */
export interface OperationFinishedOutcome {
  /** `Completed` or `Failed`. */
  readonly status: 'Completed' | 'Failed'
  /** The operation's id, when Graph gave one. */
  readonly operationId: string | undefined
  /** The `clientContext` the action was sent with. */
  readonly clientContext: string | undefined
  /** Why it ended (`code`, `subcode`, `message`), when Graph said. */
  readonly resultInfo: Inbound<ResultInfo> | undefined
  /** The notification that ended it; absent when the action's own answer was already final. */
  readonly event: OperationCompletedEvent | OperationFailedEvent | undefined
}

/** The call ended before Graph said how the operation ended; Graph sends no operation end once its call is gone. */
export interface OperationCallEndedOutcome {
  /** `CallEnded`: the operation's own end never came, and never will. */
  readonly status: 'CallEnded'
  /** The id of the operation waited for, when the wait named one. */
  readonly operationId: string | undefined
  /** The `clientContext` of the operation waited for, when the wait named one. */
  readonly clientContext: string | undefined
  /** Why the call ended (`code`, `subcode`, `message`), when Graph said. */
  readonly resultInfo: Inbound<ResultInfo> | undefined
  /** The `call.terminated` event that ended the call. */
  readonly event: CallTerminatedEvent
}

/** The final outcome of a wait for an operation; `switch (outcome.status)` narrows it. */
export type OperationOutcome = OperationFinishedOutcome | OperationCallEndedOutcome

/** The outcome an operation's final notification gives. */
export const finishedOutcome = (event: OperationCompletedEvent | OperationFailedEvent): OperationFinishedOutcome => ({
  status: event.type === 'operation.completed' ? 'Completed' : 'Failed',
  operationId: event.operationId,
  clientContext: event.clientContext,
  resultInfo: event.resultInfo,
  event,
})

/** The outcome of a wait for the operation `wanted` on a call that `event` ended. */
export const callEndedOutcome = (
  wanted: { readonly operationId: string | undefined; readonly clientContext: string | undefined },
  event: CallTerminatedEvent,
): OperationCallEndedOutcome => ({
  status: 'CallEnded',
  operationId: wanted.operationId,
  clientContext: wanted.clientContext,
  resultInfo: event.resultInfo,
  event,
})
