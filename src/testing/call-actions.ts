import { answer, hangUp, redirect, reject, type AnswerParams, type RedirectParams, type RejectParams } from '../requests/index.ts'
import type { SimulatedCallState } from './simulated-call.ts'

/** What the simulator answers an accepted action with. */
export type ActionOutcome =
  | { readonly status: 202 | 204 }
  | { readonly status: 200 | 201; readonly body: unknown }
  | { readonly status: number; readonly code: string; readonly message: string }

/** The call-control side of the simulator that actions act on. */
export interface CallEngine {
  /** Answers an incoming call; establishing and established follow. */
  answer(call: SimulatedCallState, params: AnswerParams): ActionOutcome
  /** Ends an incoming call without answering it (`reject`, `redirect`). */
  decline(call: SimulatedCallState, how: { action: 'reject'; params: RejectParams } | { action: 'redirect'; params: RedirectParams }): ActionOutcome
  /** Ends a call the bot is in (`DELETE`). */
  hangUp(call: SimulatedCallState): ActionOutcome
  /** Starts a media or roster operation; a notification tells when it completes. */
  runOperation(call: SimulatedCallState, action: string, params: Record<string, unknown>): ActionOutcome
}

/** One Graph endpoint the simulator serves: how to check the request and what it does to the call. */
export interface CallActionRoute {
  /** Graph's action name, the `CallingClient` method name. */
  readonly action: string
  readonly method: 'POST' | 'DELETE'
  /** The path below the version root, msw style (`/communications/calls/:callId/answer`). */
  readonly path: string
  /** Runs the library's strict builder on what was received; throws its `ValidationError` on a bad body. */
  readonly check: (callId: string, body: unknown) => void
  /** What the action does to the call. */
  readonly apply: (engine: CallEngine, call: SimulatedCallState, body: unknown) => ActionOutcome
}

/** `POST /communications/calls/{id}/{action}`, checked by the library's own builder for that action. */
function postAction<Params>(
  action: string,
  build: (callId: string, params: Params) => unknown,
  apply: (engine: CallEngine, call: SimulatedCallState, params: Params) => ActionOutcome,
): CallActionRoute {
  return {
    action,
    method: 'POST',
    path: `/communications/calls/:callId/${action}`,
    check: (callId, body) => void build(callId, body as Params),
    apply: (engine, call, body) => apply(engine, call, body as Params),
  }
}

/** An action that starts an operation (`playPrompt`, `recordResponse`, ...): one line per action. */
export function operationAction<Params>(action: string, build: (callId: string, params: Params) => unknown): CallActionRoute {
  return postAction(action, build, (engine, call, params) => engine.runOperation(call, action, params as Record<string, unknown>))
}

/** Every call action the simulator serves. */
export const callActions: readonly CallActionRoute[] = [
  postAction('answer', answer, (engine, call, params) => engine.answer(call, params)),
  postAction('reject', reject, (engine, call, params) => engine.decline(call, { action: 'reject', params: params ?? {} })),
  postAction('redirect', redirect, (engine, call, params) => engine.decline(call, { action: 'redirect', params })),
  {
    action: 'hangUp',
    method: 'DELETE',
    path: '/communications/calls/:callId',
    check: (callId) => void hangUp(callId),
    apply: (engine, call) => engine.hangUp(call),
  },
]
