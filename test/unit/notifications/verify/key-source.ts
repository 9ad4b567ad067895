import type { KeyFetch } from '../../../../src/notifications/verify/verify-options.ts'

/** A key source for unit tests: documents served from memory, every request recorded, failures on demand. */
export interface MemoryKeySource {
  readonly fetch: KeyFetch
  /** The URLs requested, in order. */
  readonly requests: string[]
  /** Answers every request with this status from now on (`undefined` to serve again). */
  failWith(status: number | undefined): void
}

/** Serves `documents` by URL; any other URL answers 404. */
export function memoryKeySource(documents: Record<string, unknown> | (() => Record<string, unknown>)): MemoryKeySource {
  const requests: string[] = []
  let failure: number | undefined
  return {
    requests,
    failWith: (status) => {
      failure = status
    },
    fetch: async (url) => {
      requests.push(url)
      if (failure !== undefined) return new Response('failing', { status: failure })
      const served = typeof documents === 'function' ? documents() : documents
      const body = served[url]
      if (body === undefined) return new Response('not found', { status: 404 })
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    },
  }
}
