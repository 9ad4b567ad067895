import { ValidationError, type Issue } from '../index.ts'
import type { PlaceCallInit } from './call-control.ts'
import type { GraphSimulatorOptions } from './graph-simulator.ts'
import { dropIssue } from './notification-drops.ts'

function absoluteUrlIssue(path: string, value: unknown, protocols: readonly string[]): Issue[] {
  if (typeof value === 'string' && URL.canParse(value) && protocols.includes(new URL(value).protocol)) return []
  return [{ path, message: `expected an absolute ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL` }]
}

function durationIssue(path: string, value: unknown): Issue[] {
  if (value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0)) return []
  return [{ path, message: 'expected a finite number of milliseconds, 0 or more' }]
}

/** Checks the simulator's options; every problem is reported at once, by JSON path. */
export function checkSimulatorOptions(options: GraphSimulatorOptions): void {
  const issues = [
    ...absoluteUrlIssue('$.callbackUri', options.callbackUri, ['https:', 'http:']),
    ...(options.baseUrl === undefined ? [] : absoluteUrlIssue('$.baseUrl', options.baseUrl, ['https:', 'http:'])),
    ...durationIssue('$.answerTimeoutMs', options.answerTimeoutMs),
    ...durationIssue('$.policyRecordingAnswerTimeoutMs', options.policyRecordingAnswerTimeoutMs),
    ...durationIssue('$.operationDurationMs', options.operationDurationMs),
    ...durationIssue('$.keepAliveTimeoutMs', options.keepAliveTimeoutMs),
    ...durationIssue('$.notifications.delayMs', options.notifications?.delayMs),
    ...dropIssue('$.notifications.drop', options.notifications?.drop),
  ]
  if (issues.length > 0) throw new ValidationError('graph simulator options', issues)
}

/** Checks what one `placeIncomingCall` overrides, as the simulator's own options are checked. */
export function checkPlaceCallInit(init: PlaceCallInit): void {
  const issues = [
    ...durationIssue('$.answerTimeoutMs', init.answerTimeoutMs),
    ...durationIssue('$.notifications.delayMs', init.notifications?.delayMs),
    ...dropIssue('$.notifications.drop', init.notifications?.drop),
  ]
  if (issues.length > 0) throw new ValidationError('incoming call', issues)
}
