/**
 * Runs the extreme bodies through `parseNotifications` in a worker thread, one after another, posting
 * `{ name }` as each starts and `{ name, error? }` as each ends, so that the thread that started it can
 * stop a case that hangs, which no check inside the same thread could do for synchronous code.
 */
import { parentPort } from 'node:worker_threads'
import { checkParse, checkParseObject } from './fuzz-cases.ts'
import { EXTREME_CASE_BOUND_MS, extremeBodies } from './fuzz-checks.ts'
import { snapshotPrototypes } from './oracle.ts'

for (const { name, body, maxBytes } of extremeBodies) {
  parentPort!.postMessage({ name, started: true })
  try {
    const snapshot = snapshotPrototypes()
    const input = body()
    checkParse(input, snapshot, { maxBytes }, EXTREME_CASE_BOUND_MS)
    if (typeof input === 'string') checkParseObject(input, snapshot, EXTREME_CASE_BOUND_MS)
    parentPort!.postMessage({ name })
  } catch (error) {
    parentPort!.postMessage({ name, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
  }
}
