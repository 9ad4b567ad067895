/**
 * Section 2: parsing. `parseNotifications` against bare `JSON.parse` of the same body, per seed notification:
 * nanoseconds per operation over interleaved rounds, and instructions per operation under callgrind.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runNodeScript } from '../child-process.ts'
import { atMost, notMeasured, type GoalResult } from '../goals.ts'
import type { SectionContext, SectionResult } from '../section.ts'
import { entryUrl } from '../library.ts'
import { num, ratioOf, spreadOf, table } from '../report/markdown.ts'
import { profileMarkdown, summarizeCpuProfile } from '../report/cpu-profile.ts'
import { PROFILE_ENV } from '../profiler.ts'
import { pairedRatio, spread } from '../stats.ts'
import { hasValgrind, instructionsPerOp } from './callgrind.ts'
import { seedNotifications } from '../seeds.ts'
import type { ParsePlan, ParseRounds } from './parse-run.ts'

/** How big the section runs. */
export interface ParseScale {
  readonly plan: ParsePlan
  /**
   * Bytes of notification text each callgrind measurement parses between its two counts (n and 2n), so
   * small and large bodies weigh alike; undefined skips callgrind.
   */
  readonly callgrindBytes?: number
}

/** The full run's scale. */
export const fullParseScale: ParseScale = { plan: { rounds: 21, batch: 10_000 }, callgrindBytes: 3_000_000 }

const script = (name: string) => join(import.meta.dirname, name)
const limit = 1.25

/** Instructions per operation of one kind, by each function. */
interface Instructions {
  readonly kind: string
  readonly n: number
  readonly json: number
  readonly parse: number
}

async function callgrindByKind(scale: ParseScale, options: SectionContext): Promise<Instructions[] | string> {
  if (!scale.callgrindBytes) return 'not run at this scale (each callgrind run takes seconds to tens of seconds)'
  if (options.source !== 'dist') return 'runs on the built package only'
  if (!hasValgrind()) return 'valgrind is not installed'
  const url = entryUrl('./notifications', options.source)
  const dir = mkdtempSync(join(tmpdir(), 'graph-calling-bench-callgrind-'))
  try {
    const out: Instructions[] = []
    for (const seed of seedNotifications()) {
      const file = join(dir, `${out.length}.json`)
      writeFileSync(file, seed.text)
      const n = Math.ceil(scale.callgrindBytes / Buffer.byteLength(seed.text))
      const perOp = (how: string) => instructionsPerOp(script('callgrind-run.mjs'), (count) => [how, String(count), file, url], n, 300_000)
      out.push({ kind: seed.kind, n, json: await perOp('json'), parse: await perOp('parse') })
      options.log(`parse callgrind: ${seed.kind}: ${num(out.at(-1)!.parse)} vs ${num(out.at(-1)!.json)} instructions/op`)
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs the section. */
export async function measureParse(scale: ParseScale, options: SectionContext): Promise<SectionResult> {
  const title = '2. Parsing notifications'
  const timeGoal = `Parse: parseNotifications at most ${limit}x JSON.parse per notification, events included (time, worst kind)`
  const instructionGoal = `Parse: parseNotifications at most ${limit}x JSON.parse per notification, events included (callgrind instructions, worst kind)`
  if (!options.pieces.parseNotifications) {
    const why = '`parseNotifications` is not in graph-calling/notifications yet'
    return { title, body: `Not measured: ${why}.`, goals: [notMeasured(timeGoal, why), notMeasured(instructionGoal, why)], analysis: [] }
  }
  const url = entryUrl('./notifications', options.source)
  const timing = await runNodeScript<ParseRounds>(script('parse-run.ts'), [url, JSON.stringify(scale.plan)], { timeoutMs: 120_000 })
  options.log(`parse: ${timing.kinds.map((k) => `${k.kind} ${num(spread(k.parseNs).median)}/${num(spread(k.jsonNs).median)} ns`).join(', ')}`)
  const rows = timing.kinds.map((k) => [k.kind, String(k.bytes), String(k.items), String(k.events), spreadOf(spread(k.jsonNs)), spreadOf(spread(k.parseNs)), ratioOf(pairedRatio(k.parseNs, k.jsonNs))])
  const ratios = timing.kinds.map((k) => ({ kind: k.kind, ratio: pairedRatio(k.parseNs, k.jsonNs) }))
  const worst = ratios.reduce((a, b) => (b.ratio.median > a.ratio.median ? b : a))
  const goals: GoalResult[] = [atMost(timeGoal, worst.ratio.median, limit, `${ratioOf(worst.ratio)} (${worst.kind})`, 'x')]

  const grind = await callgrindByKind(scale, options)
  let grindText: string
  if (typeof grind === 'string') {
    goals.push(notMeasured(instructionGoal, grind))
    grindText = `Instruction counts: not measured: ${grind}.`
  } else {
    const ratioOfKind = (g: Instructions) => g.parse / g.json
    const worstGrind = grind.reduce((a, b) => (ratioOfKind(b) > ratioOfKind(a) ? b : a))
    // Instruction counts hold still between runs, so the verdict shows one more digit than the timings do.
    const grindFigure = `${num(ratioOfKind(worstGrind), 4)}x (${worstGrind.kind}: ${num(worstGrind.parse, 4)} against ${num(worstGrind.json, 4)} instructions)`
    goals.push(atMost(instructionGoal, ratioOfKind(worstGrind), limit, grindFigure, 'x'))
    grindText =
      'Instruction counts (`valgrind --tool=callgrind`; `node --predictable --single-threaded` with fixed seeds; each kind and function in ' +
      'separate processes that warm up with 20,000 operations uncounted, then count n and 2n operations; instructions per operation = ' +
      `difference / n, n sized so each difference parses ${(scale.callgrindBytes! / 1e6).toFixed(0)} MB):\n\n` +
      table(
        ['notification', 'n', 'JSON.parse instructions/op', 'parseNotifications instructions/op', 'ratio'],
        grind.map((g) => [g.kind, g.n.toLocaleString('en'), num(g.json, 4), num(g.parse, 4), `${num(ratioOfKind(g))}x`]),
      )
  }

  const analysis: string[] = []
  if (options.profile && goals.some((g) => g.verdict === 'missed')) analysis.push(await profileParse(url, scale.plan))
  const body = [
    `Each seed notification as compact JSON text (one item each). Timing: ${scale.plan.rounds} rounds after a warm-up round, ` +
      `${scale.plan.batch.toLocaleString('en')} operations per batch, the two functions alternating which goes first; ns/op median (min–max); ratio paired per round. ` +
      '`parseNotifications` returns the typed events; `JSON.parse` only the object.',
    table(['notification', 'bytes', 'items', 'events', 'JSON.parse ns', 'parseNotifications ns', 'ratio'], rows),
    grindText,
  ].join('\n\n')
  return { title, body, goals, analysis }
}

async function profileParse(url: string, plan: ParsePlan): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'graph-calling-bench-prof-'))
  const file = join(dir, 'parse.cpuprofile')
  try {
    await runNodeScript(script('parse-run.ts'), [url, JSON.stringify(plan)], { timeoutMs: 120_000, env: { [PROFILE_ENV]: file } })
    if (!existsSync(file)) return 'Parse: the profile was not written.'
    return `**Parse: where \`parseNotifications\` spends its time** (the four kinds in turn, profiled after a warm-up; \`JSON.parse\` itself counts as self time of the function that calls it, \`parseJson\`):\n${profileMarkdown(summarizeCpuProfile(file))}`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
