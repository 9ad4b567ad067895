/**
 * Times `parseNotifications` against bare `JSON.parse` on the same text, in one process: every round runs a
 * batch of each, per notification kind, in alternating order. Prints one JSON line (`ParseRounds`).
 *
 * With `GRAPH_CALLING_BENCH_PROFILE=<file>`, it runs `parseNotifications` only and profiles it into that file.
 *
 * Usage: node parse-run.ts <notifications-entry-url> <plan-json>
 */
import { performance } from 'node:perf_hooks'
import { PROFILE_ENV, startProfiler } from '../profiler.ts'
import { seedNotifications } from '../seeds.ts'

/** How much the parse timing runs. */
export interface ParsePlan {
  /** Measured rounds (one more, first, is discarded as warm-up). */
  readonly rounds: number
  /** Operations per timed batch. */
  readonly batch: number
}

/** Nanoseconds per operation, per kind, per round. */
export interface ParseRounds {
  readonly kinds: { readonly kind: string; readonly bytes: number; readonly items: number; readonly jsonNs: number[]; readonly parseNs: number[]; readonly events: number }[]
}

type Parse = (body: string) => unknown[]

const [entryUrl, planJson] = process.argv.slice(2)
const { parseNotifications } = (await import(entryUrl!)) as { parseNotifications: Parse }
const plan = JSON.parse(planJson!) as ParsePlan
const seeds = seedNotifications()
let sink = 0

function timeBatch(run: (text: string) => number, text: string): number {
  const t0 = performance.now()
  for (let i = 0; i < plan.batch; i++) sink += run(text)
  return ((performance.now() - t0) * 1e6) / plan.batch
}

const viaJson = (text: string) => (JSON.parse(text) as { value: unknown[] }).value.length
const viaParse = (text: string) => parseNotifications(text).length

const out: ParseRounds = {
  kinds: seeds.map((s) => ({ kind: s.kind, bytes: Buffer.byteLength(s.text), items: s.items, jsonNs: [], parseNs: [], events: parseNotifications(s.text).length })),
}
const profileFile = process.env[PROFILE_ENV]
if (profileFile) {
  // Profile mode: after one warm-up round, only `parseNotifications`, every kind in turn.
  for (const s of seeds) timeBatch(viaParse, s.text)
  const stop = await startProfiler(profileFile)
  for (let round = 0; round < plan.rounds; round++) for (const s of seeds) timeBatch(viaParse, s.text)
  await stop()
  process.stdout.write('{}\n')
  process.exit(0)
}
for (let round = 0; round <= plan.rounds; round++) {
  for (let k = 0; k < seeds.length; k++) {
    const text = seeds[k]!.text
    const jsonFirst = (round + k) % 2 === 0
    const first = timeBatch(jsonFirst ? viaJson : viaParse, text)
    const second = timeBatch(jsonFirst ? viaParse : viaJson, text)
    if (round === 0) continue
    out.kinds[k]!.jsonNs.push(jsonFirst ? first : second)
    out.kinds[k]!.parseNs.push(jsonFirst ? second : first)
  }
}
if (sink === 0) throw new Error('nothing was parsed')
process.stdout.write(JSON.stringify(out) + '\n')
