/**
 * Section 1: answering a call over HTTP. A loopback server (its own process) answers 202; each contender runs
 * in its own warm process, and the section interleaves short batches of all of them, round after round, so a
 * busy moment of the (shared) machine hits them alike. Every figure is a ratio to raw undici in the same
 * rounds; the goals pair graph-calling's batch with raw undici's run right before or after it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forkWorker, type Worker } from '../child-process.ts'
import { atLeast, atMost, notMeasured, type GoalResult } from '../goals.ts'
import type { SectionContext, SectionResult } from '../section.ts'
import { num, ratioOf, spreadOf, table } from '../report/markdown.ts'
import { profileMarkdown, summarizeCpuProfile } from '../report/cpu-profile.ts'
import { PROFILE_ENV } from '../profiler.ts'
import { seedAnswerParams } from '../seeds.ts'
import { pairedRatio, quantile, rotate, spread } from '../stats.ts'
import { contenders, type AnswerSetup, type Contender, type ContenderId } from './contenders.ts'
import type { BatchRequest, BatchResult, Ready, Warmup } from './contender-process.ts'

/** How big the section runs. */
export interface AnswerScale {
  /** Interleaved rounds; each contender runs one batch per mode per round. */
  readonly rounds: number
  /** Answers per batch. */
  readonly batch: number
  /** Answers each contender sends, in each mode, before it is measured. */
  readonly warmup: number
  /** Requests in flight in the concurrent mode. */
  readonly inFlight: number
}

/**
 * The full run's scale: 32,000 answers per mode and contender (64 rounds of 500), 64 in flight. A round's
 * ratio scatters over 0.5–2x on a shared machine, so the medians need many rounds to hold still.
 */
export const fullAnswerScale: AnswerScale = { rounds: 64, batch: 500, warmup: 1000, inFlight: 64 }

const script = (name: string) => join(import.meta.dirname, name)
const modes = ['sequential', 'concurrent'] as const
type Mode = (typeof modes)[number]
type Batches = Record<Mode, BatchResult[]>
const BATCH_LIMIT_MS = 30_000

// Why a contender is left out this run, if it is.
function unavailable(id: ContenderId, options: SectionContext): string | undefined {
  if (id === 'builder+undici' && !options.pieces.answerBuilder) return 'graph-calling/requests exports no `answer` builder'
  if (id === 'graph-calling' && !options.pieces.callingClient) return '`CallingClient` is not in graph-calling yet'
  if ((id === 'graph-client' || id === 'kiota') && options.peers.missing) return options.peers.missing
  return undefined
}

const startContender = (id: ContenderId, setup: AnswerSetup, scale: AnswerScale, env: Record<string, string> = {}) =>
  forkWorker<Ready>(script('contender-process.ts'), [id, JSON.stringify(setup), JSON.stringify({ calls: scale.warmup, inFlight: scale.inFlight } satisfies Warmup)], {
    timeoutMs: 120_000,
    env,
  })

const runBatch = (worker: Worker<Ready>, scale: AnswerScale, mode: Mode) =>
  worker.ask<BatchResult>({ calls: scale.batch, inFlight: mode === 'sequential' ? 1 : scale.inFlight, limitMs: BATCH_LIMIT_MS } satisfies BatchRequest, BATCH_LIMIT_MS + 10_000)

/** Runs the section. */
export async function measureAnswer(scale: AnswerScale, options: SectionContext): Promise<SectionResult> {
  const { log } = options
  const skipped = new Map<ContenderId, string>()
  for (const c of contenders) {
    const why = unavailable(c.id, options)
    if (why) skipped.set(c.id, why)
  }
  const server = await forkWorker<{ port: number }>(script('loopback-server.ts'), [], { timeoutMs: 15_000 })
  const setup: AnswerSetup = {
    origin: `http://127.0.0.1:${server.ready.port}`,
    token: 'bench-token-not-a-secret',
    params: seedAnswerParams(),
    source: options.source,
    peers: options.peers.entries,
  }
  const workers = new Map<ContenderId, Worker<Ready>>()
  const results = new Map<ContenderId, Batches>()
  const drop = async (id: ContenderId, error: unknown) => {
    skipped.set(id, `failed: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`)
    log(`answer ${id} failed: ${(error as Error).message}`)
    await workers.get(id)?.stop()
    workers.delete(id)
    results.delete(id)
  }
  try {
    // Warm-ups are not measured, so they may share the machine.
    await Promise.all(
      contenders
        .filter((c) => !skipped.has(c.id))
        .map(async (c) => {
          try {
            workers.set(c.id, await startContender(c.id, setup, scale))
            results.set(c.id, { sequential: [], concurrent: [] })
          } catch (error) {
            await drop(c.id, error)
          }
        }),
    )
    for (let round = 0; round < scale.rounds; round++) {
      for (const mode of modes) {
        for (const c of roundOrder(round)) {
          const worker = workers.get(c.id)
          if (!worker) continue
          try {
            results.get(c.id)![mode].push(await runBatch(worker, scale, mode))
          } catch (error) {
            await drop(c.id, error)
          }
        }
      }
      log(`answer round ${round + 1}/${scale.rounds}: ${[...results].map(([id, r]) => `${id} ${num(rpsOf(r.sequential.at(-1)!))}/${num(rpsOf(r.concurrent.at(-1)!))}`).join(', ')} req/s (seq/conc)`)
    }
  } finally {
    await Promise.all([...workers.values()].map((w) => w.stop()))
  }
  try {
    const goals = answerGoals(results, skipped)
    const analysis: string[] = []
    if (options.profile && goals.some((g) => g.verdict === 'missed') && results.has('graph-calling')) analysis.push(await profileGraphCalling(setup, scale))
    return { title: '1. Answer over HTTP', body: answerBody(results, skipped, scale), goals, analysis }
  } finally {
    await server.stop()
  }
}

const goalPair: readonly ContenderId[] = ['undici', 'graph-calling']
const others = contenders.filter((c) => !goalPair.includes(c.id))

/**
 * The order the contenders run in, in round `round`: the two the goals compare (raw undici and
 * graph-calling) back to back, taking turns to go first, so that both batches of a pair meet the same
 * moment of the machine; then the others, in an order that rotates.
 */
export function roundOrder(round: number): Contender[] {
  const pair = goalPair.map((id) => contenders.find((c) => c.id === id)!)
  return [...(round % 2 === 0 ? pair : pair.reverse()), ...rotate(others, round)]
}

const rpsOf = (b: BatchResult) => b.calls / (b.wallMs / 1000)

async function profileGraphCalling(setup: AnswerSetup, scale: AnswerScale): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'graph-calling-bench-prof-'))
  const file = join(dir, 'answer.cpuprofile')
  try {
    const worker = await startContender('graph-calling', setup, scale, { [PROFILE_ENV]: file })
    for (let round = 0; round < 4; round++) for (const mode of modes) await runBatch(worker, scale, mode)
    await worker.stop()
    if (!existsSync(file)) return 'Answer: the profile of `client.calls.answer` was not written.'
    return `**Answer: where \`client.calls.answer\`'s process spends its CPU** (its process again, profiled after warm-up over 4 batches per mode):\n${profileMarkdown(summarizeCpuProfile(file))}`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The figures of one contender in one mode. */
interface Figures {
  /** Requests per second, per round. */
  readonly rps: number[]
  /** Client CPU microseconds per request, per round. */
  readonly cpuUsPerCall: number[]
  /** p50 and p99 latency per round. */
  readonly p50: number[]
  readonly p99: number[]
  /** p50 and p99 over every answer of every round. */
  readonly allP50: number
  readonly allP99: number
}

function figuresOf(batches: readonly BatchResult[]): Figures {
  const all = batches.flatMap((b) => b.latenciesMs)
  return {
    rps: batches.map(rpsOf),
    cpuUsPerCall: batches.map((b) => b.cpuUs / b.calls),
    p50: batches.map((b) => quantile(b.latenciesMs, 0.5)),
    p99: batches.map((b) => quantile(b.latenciesMs, 0.99)),
    allP50: quantile(all, 0.5),
    allP99: quantile(all, 0.99),
  }
}

function answerGoals(results: Map<ContenderId, Batches>, skipped: Map<ContenderId, string>): GoalResult[] {
  const subject = results.get('graph-calling')
  const baseline = results.get('undici')
  const goals: GoalResult[] = []
  for (const mode of modes) {
    const rpsGoal = `Answer, ${mode}: graph-calling req/s at least 0.9x raw undici`
    const p99Goal = `Answer, ${mode}: graph-calling p99 latency at most 1.2x raw undici`
    if (!subject || !baseline) {
      const why = skipped.get('graph-calling') ?? skipped.get('undici') ?? 'no figures'
      goals.push(notMeasured(rpsGoal, why), notMeasured(p99Goal, why))
      continue
    }
    const s = figuresOf(subject[mode])
    const b = figuresOf(baseline[mode])
    const rps = pairedRatio(s.rps, b.rps)
    // The p99 of all the calls, as the goal reads. A round's own p99 (the 5th slowest of 500 at full scale) is
    // mostly the first answers after the wait between batches, when every cache is cold: shown, not judged.
    const p99 = s.allP99 / b.allP99
    // The fastest batch of each is the one the machine's other work disturbed least.
    const best = Math.max(...s.rps) / Math.max(...b.rps)
    goals.push(
      atLeast(rpsGoal, rps.median, 0.9, `${ratioOf(rps)}; best batches ${num(best)}x`, 'x'),
      atMost(p99Goal, p99, 1.2, `${num(p99)}x (${num(s.allP99)} vs ${num(b.allP99)} ms; per round ${ratioOf(pairedRatio(s.p99, b.p99))})`, 'x'),
    )
  }
  return goals
}

function modeTable(results: Map<ContenderId, Batches>, mode: Mode): string {
  const baseline = results.get('undici')
  const b = baseline ? figuresOf(baseline[mode]) : undefined
  const rows = contenders.flatMap((c) => {
    const batches = results.get(c.id)?.[mode]
    if (!batches?.length) return []
    const f = figuresOf(batches)
    const isBaseline = c.id === 'undici' || !b
    const paired = (mine: number[], theirs: number[] | undefined) => (isBaseline ? '1x' : ratioOf(pairedRatio(mine, theirs!)))
    const pooled = (mine: number, theirs: number | undefined) => (isBaseline ? '1x' : `${num(mine / theirs!)}x`)
    return [[
      c.label,
      spreadOf(spread(f.rps)), paired(f.rps, b?.rps),
      `${num(f.allP50)} (${num(Math.min(...f.p50))}–${num(Math.max(...f.p50))})`, pooled(f.allP50, b?.allP50),
      `${num(f.allP99)} (${num(Math.min(...f.p99))}–${num(Math.max(...f.p99))})`, pooled(f.allP99, b?.allP99),
      spreadOf(spread(f.cpuUsPerCall)), paired(f.cpuUsPerCall, b?.cpuUsPerCall),
    ]]
  })
  return table(['contender', 'req/s', 'vs undici', 'p50 ms', 'vs undici', 'p99 ms', 'vs undici', 'client CPU µs/req', 'vs undici'], rows)
}

function answerBody(results: Map<ContenderId, Batches>, skipped: Map<ContenderId, string>, scale: AnswerScale): string {
  const total = (scale.rounds * scale.batch).toLocaleString('en')
  const parts = [
    `Each contender runs in its own process against one \`node:http\` server on 127.0.0.1 (its own process too) that answers 202. ` +
      `After ${scale.warmup.toLocaleString('en')} warm-up answers in each mode, each contender answers ${total} calls one after another and ${total} with ` +
      `${scale.inFlight} in flight, in ${scale.rounds} rounds of ${scale.batch} per mode. In each round raw undici and \`client.calls.answer\` run back to back, taking turns to go first, and the other contenders follow in an order that rotates. ` +
      "The body is the seed page's service-hosted answer; each contender first sends one answer that the server reads back and compares with it. " +
      'req/s and client CPU: median over rounds (min–max), ratios paired per round. p50/p99: over all answers of all rounds (range of the per-round values), ' +
      "on which the p99 goals are judged; a round's own p99, one of its few slowest answers, is mostly one of the first after the wait between its batches.",
    `**Sequential**\n\n${modeTable(results, 'sequential')}`,
    `**${scale.inFlight} in flight**\n\n${modeTable(results, 'concurrent')}`,
    'Notes: raw undici sends a body serialized once, with a fixed path template: no validation, no token lookup. ' +
      '`@microsoft/microsoft-graph-client` attaches its token only to https URLs, so against the plain-http loopback server it skips the ' +
      'token step (this favours it slightly). The Kiota fluent package for `communications` is not published on npm; the bench registers ' +
      "the same request metadata the generator writes (see `bench/answer/kiota-communications.ts`). Both peers send through Node's global `fetch`.",
  ]
  if (skipped.size > 0) parts.push([...skipped].map(([id, why]) => `- ${id}: not measured: ${why}`).join('\n'))
  return parts.join('\n\n')
}
