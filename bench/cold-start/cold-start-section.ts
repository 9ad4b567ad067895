/**
 * Section 3: cold start. A whole process that imports one entry (`node -e "import('…')"`), against a process
 * that does nothing (`node -e 0`): what a serverless host that starts a process per call pays for the import.
 * Every target runs once per round, the order rotating each round.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runChild } from '../child-process.ts'
import { atMost, notMeasured, type GoalResult } from '../goals.ts'
import type { RoundsScale, SectionContext, SectionResult } from '../section.ts'
import { entryUrl, packageSpecifier, repoRoot, type LibrarySource, type Subpath } from '../library.ts'
import { num, ratioOf, spreadOf, table } from '../report/markdown.ts'
import { profileMarkdown, summarizeCpuProfile } from '../report/cpu-profile.ts'
import { pairedDifference, pairedRatio, rotate, spread, type Spread } from '../stats.ts'

/** How big the section runs: only some targets (by label) when `only` is given. */
export type ColdStartScale = RoundsScale

/**
 * The full run's scale. A process's start moves by tens of milliseconds on a shared machine, as much as the
 * goals' margins, so the medians take 40 rounds to settle.
 */
export const fullColdStartScale: ColdStartScale = { rounds: 40 }

interface Target {
  readonly label: string
  /** The code `node -e` runs. */
  readonly code: string
}

const importOf = (...urls: string[]) => (urls.length === 1 ? `import(${JSON.stringify(urls[0])})` : `Promise.all([${urls.map((u) => `import(${JSON.stringify(u)})`).join(', ')}])`)
const resolved = (specifier: string) => import.meta.resolve(specifier)

const BASELINE = 'node -e 0'
const library = (subpath: Subpath) => packageSpecifier(subpath)

function targets(scale: ColdStartScale, options: SectionContext): Target[] {
  const list: Target[] = [
    { label: BASELINE, code: '0' },
    { label: 'undici', code: importOf(resolved('undici')) },
    { label: 'jose', code: importOf(resolved('jose')) },
    { label: 'typebox', code: importOf(resolved('typebox')) },
    { label: 'typebox + typebox/compile', code: importOf(resolved('typebox'), resolved('typebox/compile')) },
    ...(['.', './notifications', './web'] as const).map((s) => ({ label: library(s), code: importOf(entryUrl(s, options.source)) })),
  ]
  const graphClient = options.peers.entries['@microsoft/microsoft-graph-client']
  if (graphClient) list.push({ label: '@microsoft/microsoft-graph-client', code: importOf(graphClient) })
  const kiota = options.peers.entries['@microsoft/msgraph-sdk']
  if (kiota) list.push({ label: '@microsoft/msgraph-sdk (Kiota)', code: importOf(kiota) })
  return scale.only ? list.filter((t) => scale.only!.includes(t.label)) : list
}

const run = (code: string, flags: readonly string[] = []) => runChild(process.execPath, [...flags, '-e', code], { timeoutMs: 30_000, cwd: repoRoot })
const reportCpu = join(import.meta.dirname, 'report-cpu.cjs')
const cpuMsOf = (stdout: string) => Number(/cpu-us:(\d+)/.exec(stdout)?.[1]) / 1000

/** Runs the section. */
export async function measureColdStart(scale: ColdStartScale, options: SectionContext): Promise<SectionResult> {
  const list = targets(scale, options)
  const times = new Map<string, number[]>(list.map((t) => [t.label, []]))
  const cpuTimes = new Map<string, number[]>(list.map((t) => [t.label, []]))
  for (let round = 0; round < scale.rounds; round++) {
    for (const target of rotate(list, round)) {
      const result = await run(target.code, ['-r', reportCpu])
      if (result.code !== 0) throw new Error(`cold start of ${target.label} exited with ${result.code}\n${result.stderr.slice(-2000)}`)
      times.get(target.label)!.push(result.wallMs)
      cpuTimes.get(target.label)!.push(cpuMsOf(result.stdout))
    }
  }
  const cpuBase = cpuTimes.get(BASELINE)!
  const base = times.get(BASELINE)!
  const over = (label: string) => (times.has(label) ? pairedDifference(times.get(label)!, base) : undefined)
  options.log(`cold start: ${list.map((t) => `${t.label} +${num(over(t.label)!.median)} ms`).join(', ')}`)

  const goals = coldStartGoals(times, over)
  const analysis: string[] = []
  if (options.profile) {
    for (const [goal, subpath] of [[goals[0], '.'], [goals[1], './notifications'], [goals[2], './web']] as const) {
      if (goal?.verdict === 'missed') analysis.push(await profileImport(subpath, options.source))
    }
  }
  const rows = list.map((t) => {
    const all = spread(times.get(t.label)!)
    const cost = over(t.label)!
    const undici = over('undici')
    const cpu = pairedDifference(cpuTimes.get(t.label)!, cpuBase)
    const isBase = t.label === BASELINE
    return [t.label, spreadOf(all), isBase ? '—' : spreadOf(cost), isBase || !undici ? '—' : `${num(cost.median / undici.median)}x`, isBase ? spreadOf(spread(cpuBase)) : spreadOf(cpu)]
  })
  const body = [
    `Wall time of a whole process, from spawn to exit (Node ${process.version}, \`${process.execPath.replace(repoRoot + '/', '')}\`), ` +
      `${scale.rounds} rounds in rotating order; the library from \`${options.source}/\`. ` +
      '"Import cost" is the paired per-round difference to `node -e 0`, median (min–max); the goals are judged on it. ' +
      'CPU: user + system time of the process (all its threads), read at exit by a preloaded `-r bench/cold-start/report-cpu.cjs` in every target; ' +
      'it moves less than wall time when other work shares the machine.',
    table(['import', 'process ms', 'import cost ms', 'cost vs undici', 'CPU cost ms (node -e 0: total)'], rows),
  ].join('\n\n')
  return { title: '3. Cold start', body, goals, analysis }
}

function coldStartGoals(times: Map<string, number[]>, over: (label: string) => Spread | undefined): GoalResult[] {
  const root = over(library('.'))
  const notifications = over(library('./notifications'))
  const web = times.get(library('./web'))
  const jose = times.get('jose')
  const undici = over('undici')
  const rootGoal = 'Cold start: importing graph-calling costs at most 1.2x importing undici alone'
  const notificationsGoal = 'Cold start: importing graph-calling/notifications costs at most 40 ms over node -e 0'
  const webGoal = 'Cold start: importing graph-calling/web costs at most 30 ms more than importing jose alone'
  const missing = (goal: string) => notMeasured(goal, 'target not in this run')
  const base = times.get(BASELINE)!
  const rootRatio = root && undici ? pairedRatio(times.get(library('.'))!.map((t, i) => t - base[i]!), times.get('undici')!.map((t, i) => t - base[i]!)) : undefined
  const webOverJose = web && jose ? pairedDifference(web, jose) : undefined
  return [
    rootRatio ? atMost(rootGoal, rootRatio.median, 1.2, `${ratioOf(rootRatio)} (+${num(root!.median)} ms vs +${num(undici!.median)} ms)`, 'x') : missing(rootGoal),
    notifications ? atMost(notificationsGoal, notifications.median, 40, `${spreadOf(notifications, 3, ' ms')} over node -e 0`, ' ms') : missing(notificationsGoal),
    webOverJose ? atMost(webGoal, webOverJose.median, 30, `${spreadOf(webOverJose, 3, ' ms')} more than jose`, ' ms') : missing(webGoal),
  ]
}

async function profileImport(subpath: Subpath, source: LibrarySource): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'graph-calling-bench-prof-'))
  try {
    await run(importOf(entryUrl(subpath, source)), ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100'])
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
    if (!file) return `Cold start: the profile of importing ${library(subpath)} was not written.`
    return `**Cold start: where importing \`${library(subpath)}\` spends its time** (\`--cpu-prof\`, 100 µs samples; module compilation shows as \`(program)\`):\n${profileMarkdown(summarizeCpuProfile(join(dir, file)))}`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
