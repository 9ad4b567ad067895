/**
 * Load on the Node handler with Graph's token verified on every request: a real `node:http` server in a
 * child process, undici posting distinct numbered bodies over 32 connections for a few seconds. Every
 * notification sent in a request answered 202 reaches the app exactly once, and the bot's heap after a
 * full GC ends where it started. A control run whose app keeps every event shows that the heap check can fail.
 */
import { describe, expect, it } from 'vitest'
import { CI_LOAD, runLoad } from './run-load.ts'

/** How much the heap may grow over a run: GC and JIT noise, far below what keeping each request's events costs. */
const HEAP_GROWTH_BOUND = 8 * 1024 * 1024

describe('the Node handler under load, verifying every token', () => {
  it('delivers every notification exactly once, answers every request 202, and keeps its heap flat', { timeout: 60_000 }, async () => {
    const figures = await runLoad(CI_LOAD)
    console.log(
      `load: ${figures.requests} requests (${figures.events} events) in ${figures.seconds.toFixed(1)} s: ` +
        `${Math.round(figures.requestsPerSecond)} req/s, ${Math.round(figures.eventsPerSecond)} events/s, ` +
        `p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, ` +
        `heap ${(figures.heapStartBytes / 2 ** 20).toFixed(1)} -> ${(figures.heapEndBytes / 2 ** 20).toFixed(1)} MiB`,
    )
    expect(figures.requests).toBeGreaterThan(200)
    expect(figures.statuses).toEqual({ 202: CI_LOAD.warmupRequests + figures.requests })
    expect(figures.errors).toEqual([])
    expect({ lost: figures.lost, duplicated: figures.duplicated, unexpected: figures.unexpected, unnumbered: figures.unnumbered }).toEqual({
      lost: [],
      duplicated: [],
      unexpected: [],
      unnumbered: 0,
    })
    expect(figures.heapEndBytes - figures.heapStartBytes).toBeLessThan(HEAP_GROWTH_BOUND)
  })

  it('control: an app that keeps every event grows the heap past the bound', { timeout: 60_000 }, async () => {
    // A set count of requests, however fast the machine: 15,000 kept events, some 12 MiB.
    const figures = await runLoad({ ...CI_LOAD, seconds: 30, maxRequests: 3_000, retainEvents: true })
    expect(figures.requests).toBe(3_000)
    expect(figures.lost).toEqual([])
    expect(figures.heapEndBytes - figures.heapStartBytes).toBeGreaterThan(HEAP_GROWTH_BOUND)
  })
})
