import type { StopTone, Tone } from '../schemas/types.ts'
import { cancelled, completed, type OperationEnd, type TimedEnd } from './operation-ends.ts'

/** What a recording request says about its end: the members of `recordResponse` (and beta `record`) used. */
export interface RecordingRequest {
  readonly maxRecordDurationInSeconds?: number | null | undefined
  readonly stopTones?: readonly StopTone[] | null | undefined
}

/** Graph's longest recording when the request names none ("call: recordResponse": default 5 seconds). */
export const DEFAULT_MAX_RECORD_DURATION_S = 5

/** Where every simulated recording is, as Graph reports it in the completion. */
const RECORDING = {
  recordingLocation: 'https://simulated-media.graph-calling.invalid/recordings/recording.wav',
  recordingAccessToken: 'simulated-recording-access-token',
}

/** The `resultInfo` of Graph's documented completion of a recording that reached its longest duration. */
const MAX_DURATION_REACHED = { code: 200, subcode: 8515, message: 'Action completed, max record duration reached.' }

/** The tone `pressTone` names for a stop tone given as a DTMF key (`'1'` is `tone1`, `'#'` is `pound`). */
function toneOf(stopTone: StopTone): Tone {
  if (/^[0-9]$/.test(stopTone)) return `tone${stopTone}` as Tone
  if (stopTone === '*') return 'star'
  if (stopTone === '#') return 'pound'
  return stopTone.toLowerCase() as Tone // 'A' to 'D' are the tones 'a' to 'd'; tone names stay as they are
}

/** The tones that end the recording as soon as the caller presses one. */
export function stopTonesOf(request: RecordingRequest): ReadonlySet<Tone> {
  return new Set((request.stopTones ?? []).map(toneOf))
}

/** How a recording ends on one of its stop tones. */
export const STOPPED_BY_TONE: OperationEnd = completed({ ...RECORDING, completionReason: 'stopToneDetected' })

/**
 * How a recording cancelled by `cancelMediaProcessing` ends, as Graph's example notifies it: failed, with no
 * recording (`recordingLocation` and `recordingAccessToken` empty) and `completionReason: operationCanceled`.
 */
export const RECORDING_CANCELLED: OperationEnd = cancelled({ recordingLocation: '', recordingAccessToken: '', completionReason: 'operationCanceled' })

/**
 * When and how a recording ends if no stop tone ends it first. `operationDurationMs` (the simulator's time
 * for an operation) is how long the simulated caller speaks before falling silent. The recording ends:
 * - at `maxRecordDurationInSeconds` (Graph's default, 5 s, when not given) if that comes no later than
 *   `operationDurationMs`: `maxRecordDurationReached`, with Graph's documented `resultInfo` (200, subcode 8515);
 * - else at `operationDurationMs`: the caller stopped speaking, so Graph's silence timeout ended it:
 *   `maxSilenceTimeout` (200, subcode 0).
 * Either way it `completed`, with its `recordingLocation` and `recordingAccessToken`. (A stop tone pressed
 * before then ends it at once as `stopToneDetected`; see `STOPPED_BY_TONE`.)
 */
export function timedRecordingEnd(request: RecordingRequest, operationDurationMs: number): TimedEnd {
  const maxMs = (typeof request.maxRecordDurationInSeconds === 'number' ? request.maxRecordDurationInSeconds : DEFAULT_MAX_RECORD_DURATION_S) * 1_000
  if (maxMs <= operationDurationMs) return { afterMs: maxMs, end: completed({ ...RECORDING, completionReason: 'maxRecordDurationReached' }, MAX_DURATION_REACHED) }
  return { afterMs: operationDurationMs, end: completed({ ...RECORDING, completionReason: 'maxSilenceTimeout' }) }
}
