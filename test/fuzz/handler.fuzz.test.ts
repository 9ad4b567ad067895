/**
 * Fuzzing `createNotificationHandler` as Graph's requests reach it: mutated and random bodies (text and raw
 * bytes) with verification off and with a real signed token, broken tokens and content types, every seed
 * cut short, and the extreme bodies. Every request is answered 202 with one event per item delivered,
 * or with a 4xx problem response that delivers nothing; never a 500, never a hang.
 */
import { describe, expect, it } from 'vitest'
import { checkHandler, handlerUnderTest } from './fuzz-cases.ts'
import { CI_SEED, EXTREME_CASE_BOUND_MS, extremeBodies, handlerProperties, sweeps } from './fuzz-checks.ts'
import { snapshotPrototypes } from './oracle.ts'

describe('random properties (fast-check, fixed seed)', () => {
  it.each(handlerProperties.map((check) => [check.name, check] as const))('%s', { timeout: 120_000 }, async (_, check) => {
    expect(await check.run({ seed: CI_SEED, runs: check.ciRuns! })).toBe(check.ciRuns)
  })
})

it('every seed cut short, through the handler', { timeout: 120_000 }, async () => {
  const sweep = sweeps.find((s) => s.name.startsWith('the handler'))!
  expect(await sweep.run({ seed: CI_SEED, runs: 0 })).toBeGreaterThan(1_000)
})

describe('extreme bodies through the handler', () => {
  const subject = handlerUnderTest({ appId: 'fuzz-bot-app-id', verify: false })
  it.each(extremeBodies.map((b) => [b.name, b] as const))('%s', { timeout: EXTREME_CASE_BOUND_MS + 10_000 }, async (_, { body }) => {
    await checkHandler(subject, body(), snapshotPrototypes(), 1024 * 1024, { boundMs: EXTREME_CASE_BOUND_MS })
  })
})
