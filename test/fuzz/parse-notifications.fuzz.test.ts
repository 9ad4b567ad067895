/**
 * Fuzzing `parseNotifications` from the seed and fixture notifications: random and mutated bodies as text,
 * bytes and parsed objects, exhaustive sweeps (every cut, every wrong type, every polluting key, every
 * repeated key) and extreme bodies. Every input ends in one event per item or a typed
 * `NotificationParseError`; nothing else is thrown, nothing hangs, no built-in prototype changes.
 * Fixed seed and counts here; `npm run fuzz:long` runs more.
 */
import { describe, expect, it } from 'vitest'
import { runExtremeBodiesBounded } from './bounded-worker.ts'
import { parseNotifications } from '../../src/notifications/index.ts'
import { checkParse, checkParseObject } from './fuzz-cases.ts'
import { CI_SEED, EXTREME_CASE_BOUND_MS, extremeBodies, parseProperties, sweeps } from './fuzz-checks.ts'
import { snapshotPrototypes } from './oracle.ts'

describe('random properties (fast-check, fixed seed)', () => {
  it.each(parseProperties.map((check) => [check.name, check] as const))('%s', { timeout: 120_000 }, async (_, check) => {
    expect(await check.run({ seed: CI_SEED, runs: check.ciRuns! })).toBe(check.ciRuns)
  })
})

describe('exhaustive sweeps over the seeds', () => {
  it.each(sweeps.filter((s) => !s.name.startsWith('the handler')).map((check) => [check.name, check] as const))('%s', { timeout: 120_000 }, async (_, check) => {
    expect(await check.run({ seed: CI_SEED, runs: 0 })).toBeGreaterThan(1_000)
  })
})

describe('numbers JSON.parse reads as Infinity', () => {
  it('a parsed body holding 1e999 (JSON.parse reads it as Infinity) gives the events its text gives', () => {
    const text = '{"value":[1e999,{"changeType":"updated","resourceUrl":"/communications/calls/c-1","resourceData":{"state":"established","x":-1e999}}]}'
    const snapshot = snapshotPrototypes()
    checkParse(text, snapshot)
    checkParseObject(text, snapshot)
    expect(parseNotifications(JSON.parse(text)).map((e) => e.type)).toEqual(['unknown', 'call.established'])
  })
})

describe('extreme bodies', () => {
  // In a worker thread, so that a case that hangs in synchronous code is stopped at its bound and reported.
  it('each ends in events or a typed error, without a RangeError, each within the case bound', { timeout: 180_000 }, async () => {
    const results = await runExtremeBodiesBounded(EXTREME_CASE_BOUND_MS)
    expect(results.filter((r) => !('ok' in r))).toEqual([])
    expect(results.map((r) => r.name)).toEqual(extremeBodies.map((b) => b.name))
  })
})
