/**
 * One contender in its own process, kept warm for the whole section. On start it proves it sends the seed
 * body and warms up; then, each time the parent asks, it sends a batch of answers, one after another or
 * with `inFlight` at once, timing each and reading its own CPU time around the batch. The parent
 * interleaves short batches of all contenders, so a busy moment of the machine hits them alike.
 *
 * Usage: fork contender-process.ts <contender-id> <setup-json> <warmup-json>; then messages `BatchRequest`.
 * With `GRAPH_CALLING_BENCH_PROFILE=<file>` it profiles everything after its warm-up into that file. It exits
 * when the parent disconnects.
 */
import { isDeepStrictEqual } from 'node:util'
import { performance } from 'node:perf_hooks'
import { request } from 'undici'
import { PROFILE_ENV, startProfiler } from '../profiler.ts'
import { contenderById, type AnswerSender, type AnswerSetup } from './contenders.ts'

/** What the parent asks for: one batch. */
export interface BatchRequest {
  readonly calls: number
  readonly inFlight: number
  readonly limitMs: number
}

/** What one batch measured. */
export interface BatchResult {
  /** Answers completed. */
  readonly calls: number
  /** Wall time of the batch, in milliseconds. */
  readonly wallMs: number
  /** User + system CPU time of this process during the batch, in microseconds. */
  readonly cpuUs: number
  /** The latency of each answer, in milliseconds. */
  readonly latenciesMs: readonly number[]
}

/** What the process says when it is ready, once. */
export interface Ready {
  readonly ready: true
}

/** How much warm-up the process does before it says it is ready. */
export interface Warmup {
  readonly calls: number
  readonly inFlight: number
}

// A few distinct call ids (Graph's are GUID-like), so nothing is cached per id.
const callIds = Array.from({ length: 16 }, (_, i) => `${i.toString(16).padStart(8, '0')}-5c1f-4d99-b5f4-2722e877d497`)

async function batch(sender: AnswerSender, calls: number, inFlight: number, limitMs: number): Promise<BatchResult> {
  const latencies = new Float64Array(calls)
  let next = 0
  let done = 0
  const started = performance.now()
  const deadline = started + limitMs
  const cpu = process.cpuUsage()
  const worker = async () => {
    while (next < calls && performance.now() < deadline) {
      const id = callIds[next++ % callIds.length]!
      const t0 = performance.now()
      await sender.send(id)
      latencies[done++] = performance.now() - t0
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  const used = process.cpuUsage(cpu)
  return { calls: done, wallMs: performance.now() - started, cpuUs: used.user + used.system, latenciesMs: Array.from(latencies.subarray(0, done)) }
}

// Sends one answer the server remembers, reads it back and compares it with the seed body.
async function checkBody(sender: AnswerSender, setup: AnswerSetup, id: string): Promise<void> {
  const checkId = `check-${id}`
  await sender.send(checkId)
  const res = await request(`${setup.origin}/checks/${encodeURIComponent(checkId)}`)
  const seen = (await res.body.json()) as { body: string; authorization: string | null } | null
  if (!seen) throw new Error(`${id}: the server saw no answer for ${checkId}`)
  if (!isDeepStrictEqual(JSON.parse(seen.body), setup.params)) throw new Error(`${id}: sent ${seen.body}, not the seed body ${JSON.stringify(setup.params)}`)
  // graph-client attaches tokens only to https URLs; the loopback server is plain http (see RESULTS.md).
  if (id !== 'graph-client' && seen.authorization !== `Bearer ${setup.token}`) throw new Error(`${id}: sent no bearer token`)
}

const [id, setupJson, warmupJson] = process.argv.slice(2)
const setup = JSON.parse(setupJson!) as AnswerSetup
const warmup = JSON.parse(warmupJson!) as Warmup
const sender = await contenderById(id!).create(setup)
await checkBody(sender, setup, id!)
await batch(sender, warmup.calls, 1, 60_000)
await batch(sender, warmup.calls, warmup.inFlight, 60_000)
const profileFile = process.env[PROFILE_ENV]
const stopProfiler = profileFile ? await startProfiler(profileFile) : undefined
process.on('message', (message: BatchRequest) => {
  batch(sender, message.calls, message.inFlight, message.limitMs).then(
    (result) => process.send!(result),
    (error: unknown) => {
      process.stderr.write(`${id}: ${(error as Error).stack}\n`)
      process.exit(1)
    },
  )
})
process.once('disconnect', () => void Promise.all([sender.close(), stopProfiler?.()]).finally(() => process.exit(0)))
process.send!({ ready: true } satisfies Ready)
