/** The arithmetic the bench's verdicts rest on: quantiles, paired ratios, rotation, goal checks, profile groups. */
import { describe, expect, it } from 'vitest'
import { atLeast, atMost, notMeasured } from '../../bench/goals.ts'
import { pathToFileURL } from 'node:url'
import { repoRoot } from '../../bench/library.ts'
import { groupOf } from '../../bench/report/cpu-profile.ts'
import { median, pairedDifference, pairedRatio, quantile, rotate, spread } from '../../bench/stats.ts'
import { roundOrder } from '../../bench/answer/answer-section.ts'
import { contenders } from '../../bench/answer/contenders.ts'

describe('bench statistics', () => {
  it('interpolates quantiles between ranks and takes medians of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(quantile([10, 20, 30, 40, 50], 0.99)).toBeCloseTo(49.6)
    expect(quantile([], 0.5)).toBeNaN()
  })

  it('pairs rounds: a slow round moves subject and baseline alike and cancels out', () => {
    const baseline = [100, 50, 100]
    const subject = [90, 45, 90]
    expect(pairedRatio(subject, baseline)).toEqual({ median: 0.9, min: 0.9, max: 0.9, n: 3 })
    expect(pairedDifference([12, 7], [10, 4])).toEqual({ median: 2.5, min: 2, max: 3, n: 2 })
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 })
  })

  it('rotates the order so each round starts with a different contender', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c'])
    expect(rotate(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a'])
  })

  it('runs the pair the answer goals compare back to back, each going first in turn, and every contender once a round', () => {
    const orders = [0, 1, 2, 3].map((round) => roundOrder(round).map((c) => c.id))
    expect(orders.map((order) => order.slice(0, 2))).toEqual([
      ['undici', 'graph-calling'],
      ['graph-calling', 'undici'],
      ['undici', 'graph-calling'],
      ['graph-calling', 'undici'],
    ])
    for (const order of orders) expect([...order].sort()).toEqual(contenders.map((c) => c.id).sort())
    expect(new Set(orders.map((order) => order[2])).size).toBe(3)
  })
})

describe('goal verdicts', () => {
  it('says met or missed, and by how much', () => {
    expect(atMost('g', 1.2, 1.25, '1.2x', 'x').verdict).toBe('met')
    expect(atMost('g', 1.5, 1.25, '1.5x', 'x')).toMatchObject({ verdict: 'missed', note: 'by 0.250x (20% over the limit)' })
    expect(atLeast('g', 0.85, 0.9, '0.85x', 'x')).toMatchObject({ verdict: 'missed', note: 'by 0.050x (6% under the limit)' })
    expect(atLeast('g', 0.95, 0.9, '0.95x', 'x').verdict).toBe('met')
  })

  it('never calls a goal met without a figure', () => {
    expect(atMost('g', Number.NaN, 40, 'n/a').verdict).toBe('not measured')
    expect(notMeasured('g', 'CallingClient is not there')).toMatchObject({ verdict: 'not measured', note: 'CallingClient is not there' })
  })
})

describe('profile groups', () => {
  it('attributes self time to packages, the library, Node and V8', () => {
    expect(groupOf('file:///r/node_modules/undici/lib/core/request.js', 'f')).toBe('undici')
    expect(groupOf('file:///r/node_modules/@microsoft/msgraph-sdk/index.js', 'f')).toBe('@microsoft/msgraph-sdk')
    const root = pathToFileURL(repoRoot).href
    expect(groupOf(`${root}/dist/chunk-X.js`, 'f')).toBe('graph-calling')
    expect(groupOf(`${root}/src/notifications/parse-notifications.ts`, 'f')).toBe('graph-calling')
    expect(groupOf(`${root}/bench/parse/parse-run.ts`, 'f')).toBe('bench harness')
    expect(groupOf('node:internal/streams/readable', 'f')).toBe('node:internal')
    expect(groupOf('', '(garbage collector)')).toBe('(garbage collector)')
  })
})
