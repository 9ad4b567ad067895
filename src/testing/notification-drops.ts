import type { Issue } from '../index.ts'
import type { CommsNotificationsBody } from './notification-builders.ts'

/** A notification the simulator is about to send, as a `drop` predicate sees it. */
export interface PlannedNotification {
  readonly callId: string
  /** Its label, as its record will have it: `established`, `operation playPrompt`, `tone tone1`, `participants`, ... */
  readonly label: string
  /** The body it would be sent with. */
  readonly body: CommsNotificationsBody
}

/**
 * Which notifications a plan drops: labels (each one drops the notifications with that label, or of that
 * kind: `'established'`, `'operation playPrompt'`, or `'operation'` for every operation's end, `'tone'`
 * for every tone, `'contentSharing'`), or a predicate that returns true for each one to drop.
 */
export type NotificationDrop = readonly string[] | ((notification: PlannedNotification) => boolean)

/** Whether `drop` drops `notification`: a label matches itself, and the labels of its kind (`operation` matches `operation playPrompt`). */
export function drops(drop: NotificationDrop | undefined, notification: PlannedNotification): boolean {
  if (drop === undefined) return false
  if (typeof drop === 'function') return drop(notification)
  return drop.some((label) => notification.label === label || notification.label.startsWith(`${label} `))
}

/** The issue with a `drop` option that is neither a list of labels nor a predicate, if it is one. */
export function dropIssue(path: string, value: unknown): Issue[] {
  if (value === undefined || typeof value === 'function') return []
  if (Array.isArray(value) && value.every((label) => typeof label === 'string')) return []
  return [{ path, message: 'expected a list of notification labels, or a function that returns true for each notification to drop' }]
}
