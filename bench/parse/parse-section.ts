/**
 * Section 2: parsing. `parseNotifications` against bare `JSON.parse` of the same body, per seed notification:
 * nanoseconds per operation over interleaved rounds, and instructions per operation under callgrind.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runNodeScript } from '../child-process.ts'
import { atMost, notMeasured, type GoalResult } from '../goals.ts'
import type { SectionContext, SectionResult } from '../section.ts'
import { entryUrl } from '../library.ts'
import { num, ratioOf, spreadOf, table } from '../report/markdown.ts'
import { profileMarkdown, summarizeCpuProfile } from '../report/cpu-profile.ts'
import { pairedRatio, spread } from '../stats.ts'
import { countInstructions, findValgrind } from './callgrind.ts'
import type { ParsePlan, ParseRounds } from './parse-run.ts'

/** How big the section runs. */
export interface ParseScale {
  readonly plan: ParsePlan
  /** Operation counts of the two callgrind runs per variant, or undefined to skip callgrind. */
  readonly callgrind?: { readonly low: number; readonly high: number }
}

/** The full run's scale. */
export const fullParseScale: ParseScale = { plan: { rounds: 21, batch: 10_000 }, callgrind: { low: 4_000, high: 24_000 } }

const script = (name: string) => join(import.meta.dirname, name)
const limit = 1.25

interface Callgrind {
  readonly jsonPerOp: number
  readonly parsePerOp: number
}

async function callgrindRatio(scale: ParseScale, options: SectionContext): Promise<Callgrind | string> {
  const counts = scale.callgrind
  if (!counts) return 'not run at this scale (each callgrind run takes tens of seconds)'
  if (!findValgrind()) return 'valgrind is not installed'
  const url = entryUrl('./notifications', options.source)
  const count = (how: string, n: number) => countInstructions(script('callgrind-run.ts'), [how, String(n), url], 300_000)
  // Instruction counts do not depend on what else runs, so the two variants run side by side.
  const [jsonLow, parseLow] = await Promise.all([count('json', counts.low), count('parse', counts.low)])
  const [jsonHigh, parseHigh] = await Promise.all([count('json', counts.high), count('parse', counts.high)])
  const ops = counts.high - counts.low
  return { jsonPerOp: (jsonHigh - jsonLow) / ops, parsePerOp: (parseHigh - parseLow) / ops }
}

/** Runs the section. */
export async function measureParse(scale: ParseScale, options: SectionContext): Promise<SectionResult> {
  const title = '2. Parsing notifications'
  const timeGoal = `Parse: parseNotifications at most ${limit}x JSON.parse per notification, events included (time, worst kind)`
  const instructionGoal = `Parse: parseNotifications at most ${limit}x JSON.parse per notification (callgrind instructions, all kinds)`
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

  const grind = await callgrindRatio(scale, options)
  let grindText: string
  if (typeof grind === 'string') {
    goals.push(notMeasured(instructionGoal, grind))
    grindText = `Instruction counts: not measured: ${grind}.`
  } else {
    const ratio = grind.parsePerOp / grind.jsonPerOp
    options.log(`parse callgrind: ${num(grind.parsePerOp)} vs ${num(grind.jsonPerOp)} instructions/op`)
    goals.push(atMost(instructionGoal, ratio, limit, `${num(ratio)}x`, 'x'))
    const counts = scale.callgrind!
    grindText =
      `Instruction counts (\`valgrind --tool=callgrind\`, \`node --single-threaded\`, ${counts.low.toLocaleString('en')} and ${counts.high.toLocaleString('en')} ` +
      'operations cycling over the four kinds, in separate processes; per operation = difference / difference):\n\n' +
      table(['', 'instructions/op', 'vs JSON.parse'], [
        ['JSON.parse', num(grind.jsonPerOp, 4), '1x'],
        ['parseNotifications', num(grind.parsePerOp, 4), `${num(ratio)}x`],
      ])
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
  try {
    await runNodeScript(script('parse-run.ts'), [url, JSON.stringify(plan)], { timeoutMs: 120_000, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`] })
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
    if (!file) return 'Parse: the profile was not written.'
    return `**Parse: where the time goes** (the timing run again under \`--cpu-prof\`; \`JSON.parse\` shows as part of the library's and the harness's self time):\n${profileMarkdown(summarizeCpuProfile(join(dir, file)))}`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
