import { ValidationError, type Issue } from '../errors.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { Call, CallState, CommsOperation, ContentSharingSession, Participant, ResultInfo } from '../schemas/types.generated.ts'
import type { CallEvent, CallEventOf } from './call-event.ts'
import { callStateRank } from './call-state-order.ts'
import { StateWaits, type CallStateWaitOptions } from './state-waits.ts'
import { clockIssue, type WaitClock } from './wait-timeout.ts'

/** Options of `createCallTracker`. */
export interface CallTrackerOptions {
  /**
   * How long a terminated call is remembered, so that events arriving after the end are known as stale.
   * @default 60_000
   */
  terminatedGraceMs?: number | undefined
  /**
   * The most calls remembered; past it, the call updated least recently is forgotten.
   * @default 10_000
   */
  maxCalls?: number | undefined
  /**
   * A call with no update for this long is forgotten (its end was never notified).
   * @default 86_400_000 (24 hours)
   */
  maxAgeMs?: number | undefined
  /**
   * Roster notifications carry only the participants that changed (the call was answered or created with
   * `isDeltaRosterEnabled`). Otherwise each roster notification about the participants collection
   * (`.../participants`) is the whole roster. Either way, a notification about one participant
   * (`.../participants/{id}`) updates, or when deleted removes, that participant only.
   * @default false
   */
  deltaRoster?: boolean | undefined
  /**
   * The clock, in milliseconds since the epoch (or a `Date`).
   * @default the clock's `now`, else Date.now
   */
  now?: (() => number | Date) | undefined
  /**
   * The clock `waitForState`'s timeouts run on, the shape the client takes (`{ now, sleep }`): the testing
   * kit's `ManualClock` times them out as it moves. Without one, a timeout is a timer that never keeps the
   * process alive.
   */
  clock?: WaitClock | undefined
}

/** What the tracker knows of one call, folded from its events. */
export interface TrackedCall {
  /** The call's id. */
  readonly callId: string
  /** The call's state, never moving backwards; `undefined` until an event names one. */
  readonly state: Inbound<CallState> | undefined
  /** The call resource: every call event's `resourceData` merged, the latest on top. */
  readonly call: Inbound<Call>
  /** The participants by id, from the roster notifications (participants without an id are not kept). */
  readonly participants: ReadonlyMap<string, Inbound<Participant>>
  /** The content-sharing sessions going on, by id (the session resource when Graph sent one). */
  readonly contentSharingSessions: ReadonlyMap<string, Inbound<ContentSharingSession> | undefined>
  /** The operations that have not completed or failed yet, by id. */
  readonly pendingOperations: ReadonlyMap<string, Inbound<CommsOperation>>
  /** Why the call ended, once it has. */
  readonly resultInfo: Inbound<ResultInfo> | undefined
  /** The tenant named by the last verified event. */
  readonly tenantId: string | undefined
  /** When the first event of the call was applied (ms since the epoch). */
  readonly firstSeenAt: number
  /** When the last event of the call was applied (ms since the epoch). */
  readonly updatedAt: number
  /** When the call was seen to end (ms since the epoch). */
  readonly terminatedAt: number | undefined
}

/** What `apply` did with an event. */
export interface ApplyResult {
  /** The event changed what the tracker knows. */
  readonly applied: boolean
  /** The event came too late: its call had already moved past it (or ended). */
  readonly stale?: true
  /**
   * The event repeats the state the call is already in, or is an update the call already has (one delivered
   * twice). What a repeated state's call resource adds (a second `established` may bring `chatInfo` or
   * `meetingInfo`) is still merged into `call`, and then `applied` is true.
   */
  readonly duplicate?: true
  /** The call after the event (`undefined` for an event the tracker does not fold that names no known call). */
  readonly call: TrackedCall | undefined
}

/** Folds call events into per-call state, in bounded memory. */
export interface CallTracker {
  /** Folds one event in; a stale event is reported as such and changes nothing, a duplicate one adds only what its resource has that is new. */
  apply(event: CallEvent): ApplyResult
  /** What is known of a call, or `undefined` when it is unknown or forgotten. */
  get(callId: string): TrackedCall | undefined
  /** Forgets a call now; returns whether it was known. */
  forget(callId: string): boolean
  /** Every call remembered, least recently updated first. */
  calls(): TrackedCall[]
  /** How many calls are remembered. */
  readonly size: number
  /**
   * Resolves with the call once the events applied say it has reached `state`: it is in it or past it
   * (`established` is reached by a call on hold or terminated; a lateral state such as `hold` only by
   * being in it, or by the call ending). It resolves with a copy of the call as it was then (its maps are
   * the live ones): check its `state`, as a call that ended first resolves as `terminated`, also after the
   * tracker forgot it (the last `maxCalls` ended calls are remembered for this). A call not seen yet (one
   * just created) is waited for, and so is one `forget` dropped; one already there resolves at once.
   * Rejects with a `TimeoutError` after `timeoutMs`, an `AbortError` on `signal`.
   */
  waitForState(callId: string, state: Inbound<CallState>, options?: CallStateWaitOptions): Promise<TrackedCall>
  /** How many `waitForState` waits are pending. */
  readonly pendingWaits: number
}

/** How many finished operation ids a call remembers, to recognise repeats. */
const MAX_FINISHED_OPERATIONS = 256

interface CallRecord {
  callId: string
  state: string | undefined
  call: Inbound<Call>
  participants: Map<string, Inbound<Participant>>
  contentSharingSessions: Map<string, Inbound<ContentSharingSession> | undefined>
  pendingOperations: Map<string, Inbound<CommsOperation>>
  /** Ids of the operations that completed or failed (the most recent ones), to recognise Graph's repeats. */
  finishedOperations: Set<string>
  resultInfo: Inbound<ResultInfo> | undefined
  tenantId: string | undefined
  firstSeenAt: number
  updatedAt: number
  terminatedAt: number | undefined
}

/**
 * Creates a tracker that folds call events into what is known of each call: its state (which never moves
 * backwards, since Graph may deliver establishing and established late or twice), participants,
 * content-sharing sessions and pending operations. Terminated calls are forgotten after a grace period,
 * idle ones after `maxAgeMs`, the least recently updated past `maxCalls`. It keeps no timer but those of
 * pending `waitForState` waits: forgetting happens as `apply`, `get`, `calls` and `size` are used.
 */
export function createCallTracker(options: CallTrackerOptions = {}): CallTracker {
  const graceMs = options.terminatedGraceMs ?? 60_000
  const maxCalls = options.maxCalls ?? 10_000
  const maxAgeMs = options.maxAgeMs ?? 86_400_000
  const issues: Issue[] = []
  if (!(graceMs >= 0 && graceMs < Infinity)) issues.push({ path: '$.terminatedGraceMs', message: 'expected a finite number of milliseconds, 0 or more' })
  if (!(Number.isInteger(maxCalls) && maxCalls >= 1)) issues.push({ path: '$.maxCalls', message: 'expected a whole number, 1 or more' })
  if (!(maxAgeMs > 0)) issues.push({ path: '$.maxAgeMs', message: 'expected a number of milliseconds greater than 0' })
  const clockProblem = clockIssue(options.clock, '$.clock')
  if (clockProblem) issues.push(clockProblem)
  if (issues.length > 0) throw new ValidationError('call tracker options', issues)
  const deltaRoster = options.deltaRoster ?? false
  const waitClock = options.clock
  const clock = options.now ?? (waitClock ? () => waitClock.now() : Date.now)
  const waits = new StateWaits<TrackedCall>(waitClock)
  const now = (): number => {
    const time = clock()
    return typeof time === 'number' ? time : time.getTime()
  }
  // Least recently updated first: an applied event moves its call to the end.
  const records = new Map<string, CallRecord>()
  // The state each call's last incoming, establishing or established event announced, while the call is
  // still in it: a second such event is a repeat, where an update that only reached the same state is not.
  const announced = new WeakMap<CallRecord, string>()
  // Terminated calls in the order they ended, to forget each when its grace period is over.
  let ended: { callId: string; terminatedAt: number }[] = []
  let endedHead = 0

  function sweep(at: number): void {
    while (endedHead < ended.length && ended[endedHead]!.terminatedAt + graceMs <= at) {
      const { callId, terminatedAt } = ended[endedHead++]!
      const record = records.get(callId)
      if (record?.terminatedAt === terminatedAt) untrack(record)
    }
    if (endedHead > 1024 && endedHead * 2 > ended.length) {
      ended = ended.slice(endedHead)
      endedHead = 0
    }
    for (const record of records.values()) {
      if (record.updatedAt + maxAgeMs > at) break
      untrack(record)
    }
  }

  /** Stops tracking a call; one that ended is remembered as it ended. */
  function untrack(record: CallRecord): void {
    records.delete(record.callId)
    if (record.state === 'terminated') rememberEnd(record)
  }

  // Calls forgotten after their end, as they ended, so that a wait begun later still hears of the end (Graph
  // sends nothing more for an ended call): at most `maxCalls`, oldest dropped first.
  const endedAndForgotten = new Map<string, TrackedCall>()
  function rememberEnd(record: CallRecord): void {
    endedAndForgotten.set(record.callId, record)
    if (endedAndForgotten.size > maxCalls) endedAndForgotten.delete(endedAndForgotten.keys().next().value!)
  }

  function touch(record: CallRecord, at: number): void {
    record.updatedAt = at
    records.delete(record.callId)
    records.set(record.callId, record)
    while (records.size > maxCalls) untrack(records.values().next().value!)
  }

  function apply(event: CallEvent): ApplyResult {
    const at = now()
    sweep(at)
    if (event.type === 'unknown' || event.type === 'participant.joining' || event.type === 'participant.left') {
      return { applied: false, call: event.callId === undefined ? undefined : records.get(event.callId) }
    }
    let record = records.get(event.callId)
    if (record === undefined) {
      // An event about a call that ended and was forgotten came late (or again): it must not bring the call
      // back to life, as a call Graph will never send an end for.
      const end = endedAndForgotten.get(event.callId)
      if (end !== undefined) return event.type === 'call.terminated' ? { applied: false, duplicate: true, call: end } : { applied: false, stale: true, call: end }
    }
    const isNew = record === undefined
    record ??= {
      callId: event.callId,
      state: undefined,
      call: {},
      participants: new Map(),
      contentSharingSessions: new Map(),
      pendingOperations: new Map(),
      finishedOperations: new Set(),
      resultInfo: undefined,
      tenantId: undefined,
      firstSeenAt: at,
      updatedAt: at,
      terminatedAt: undefined,
    }
    if (!isNew && record.state === 'terminated') {
      return event.type === 'call.terminated' ? { applied: false, duplicate: true, call: record } : { applied: false, stale: true, call: record }
    }
    if (isCallStateEvent(event)) {
      const verdict = callVerdict(record, event, announced.get(record))
      if (verdict && 'stale' in verdict) return { applied: false, stale: true, call: record }
      if (verdict) {
        // The state is a repeat, but Graph may send with it what it adds once the call is up.
        const merged = mergedIfNew(record.call, event.call)
        if (merged === undefined) return { applied: false, duplicate: true, call: record }
        record.call = merged
        if (event.tenantId !== undefined) record.tenantId = event.tenantId
        touch(record, at)
        return { applied: true, duplicate: true, call: record }
      }
      // An update (a tone, hold) that Graph delivers again, etag and all, says nothing the call does not have.
      if (event.type === 'call.updated' && record.state !== undefined && mergedIfNew(record.call, event.call) === undefined) {
        return { applied: false, duplicate: true, call: record }
      }
    }
    if (event.type.startsWith('operation.') && record.finishedOperations.has((event as { operationId: string }).operationId)) {
      // An operation ends once: a repeated end is a duplicate, a progress update after it came late.
      return { applied: false, ...(event.type === 'operation.updated' ? { stale: true as const } : { duplicate: true as const }), call: record }
    }
    fold(record, event, at)
    if (event.tenantId !== undefined) record.tenantId = event.tenantId
    touch(record, at)
    return { applied: true, call: record }
  }

  function fold(record: CallRecord, event: CallEvent, at: number): void {
    switch (event.type) {
      case 'call.incoming':
      case 'call.establishing':
      case 'call.established':
      case 'call.updated':
      case 'call.terminated':
        record.call = { ...record.call, ...event.call }
        if (event.type === 'call.terminated') {
          record.state = 'terminated'
          record.resultInfo = event.resultInfo
          record.terminatedAt = at
          ended.push({ callId: record.callId, terminatedAt: at })
          // Calls dropped past maxCalls leave their entry behind: keep the list within what is remembered.
          if (ended.length - endedHead > 2 * maxCalls) {
            ended = ended.slice(endedHead).filter((e) => records.get(e.callId)?.terminatedAt === e.terminatedAt)
            endedHead = 0
          }
        } else if (typeof event.call.state === 'string') {
          if (event.type !== 'call.updated') announced.set(record, event.call.state)
          else if (event.call.state !== record.state) announced.delete(record)
          record.state = event.call.state
        }
        return
      case 'participants.updated':
        foldRoster(record.participants, event.participants, event.changeType === 'deleted', event.participantId)
        return
      case 'contentSharing.started':
      case 'contentSharing.updated':
        record.contentSharingSessions.set(event.sessionId, event.session)
        return
      case 'contentSharing.ended':
        record.contentSharingSessions.delete(event.sessionId)
        return
      case 'operation.updated':
        // Graph deletes an operation once it is over: one deleted without a final status is over all the same.
        if (event.changeType === 'deleted') finish(record, event.operationId)
        else record.pendingOperations.set(event.operationId, event.operation)
        return
      case 'operation.completed':
      case 'operation.failed':
        finish(record, event.operationId)
        return
    }
  }

  function finish(record: CallRecord, operationId: string): void {
    record.pendingOperations.delete(operationId)
    record.finishedOperations.add(operationId)
    // Bounded: only a recent repeat needs recognising.
    if (record.finishedOperations.size > MAX_FINISHED_OPERATIONS) record.finishedOperations.delete(record.finishedOperations.values().next().value!)
  }

  function foldRoster(roster: Map<string, Inbound<Participant>>, participants: Inbound<Participant>[], deleted: boolean, participantId: string | undefined): void {
    if (deleted) {
      if (participantId !== undefined) roster.delete(participantId)
      for (const participant of participants) if (typeof participant.id === 'string') roster.delete(participant.id)
      return
    }
    // Only the collection's notification is the whole roster; one about a single participant says nothing
    // of the others.
    if (participantId === undefined) {
      if (!deltaRoster) roster.clear()
      for (const participant of participants) if (typeof participant.id === 'string') roster.set(participant.id, participant)
      return
    }
    for (const participant of participants) {
      if (typeof participant.id === 'string') roster.set(participant.id, participant)
      // The URL names the participant its resource may leave unnamed.
      else roster.set(participantId, { ...participant, id: participantId })
    }
  }

  return {
    apply(event) {
      const result = apply(event)
      if (result.applied && result.call !== undefined) waits.update(result.call)
      return result
    },
    waitForState(callId, state, waitOptions) {
      sweep(now())
      return waits.wait(callId, records.get(callId) ?? endedAndForgotten.get(callId), state, waitOptions)
    },
    get pendingWaits() {
      return waits.size
    },
    get(callId) {
      sweep(now())
      return records.get(callId)
    },
    forget(callId) {
      endedAndForgotten.delete(callId)
      return records.delete(callId)
    },
    calls() {
      sweep(now())
      return [...records.values()]
    },
    get size() {
      sweep(now())
      return records.size
    },
  }
}

/** `known` with `update`'s properties on top, or `undefined` when `update` holds nothing `known` lacks. */
function mergedIfNew(known: Inbound<Call>, update: Inbound<Call>): Inbound<Call> | undefined {
  const before = known as Record<string, unknown>
  for (const key of Object.keys(update)) {
    if (!sameJson(before[key], (update as Record<string, unknown>)[key])) return { ...known, ...update }
  }
  return undefined
}

/** Whether two values read from JSON are equal, deeply. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a)
  if (aKeys.length !== Object.keys(b).length) return false
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false
  }
  return true
}

/** The events about the call itself, which carry its resource. */
type CallStateEvent = CallEventOf<'call.incoming' | 'call.establishing' | 'call.established' | 'call.updated' | 'call.terminated'>

function isCallStateEvent(event: CallEvent): event is CallStateEvent {
  return event.type.startsWith('call.')
}

/**
 * Whether a call event comes too late (`stale`) or repeats the call's state (`duplicate`); nothing when it
 * applies. `announced` is the state the call's last incoming, establishing or established event announced.
 */
function callVerdict(record: CallRecord, event: CallStateEvent, announced: string | undefined): { stale: true } | { duplicate: true } | undefined {
  const state = event.type === 'call.terminated' ? 'terminated' : event.call.state
  if (record.state === undefined || typeof state !== 'string') return undefined
  if (callStateRank(state) < callStateRank(record.state)) return { stale: true }
  // A repeated incoming, establishing or established notification says nothing new; an update in the same
  // state (a tone, a media change) does, and so does the first `established` after an update (a media
  // change) had already reached that state.
  if (state === record.state && event.type !== 'call.updated' && announced === state) return { duplicate: true }
  return undefined
}
