/**
 * The benchmark run: builds the package, loads the peer SDKs, runs the five sections one after another (so
 * none disturbs another's timing) and writes RESULTS.md.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { fullAnswerScale, measureAnswer, type AnswerScale } from './answer/answer-section.ts'
import { fullColdStartScale, measureColdStart, type ColdStartScale } from './cold-start/cold-start-section.ts'
import type { GoalResult } from './goals.ts'
import type { SectionContext, SectionResult } from './section.ts'
import { probeLibrary, repoRoot, type LibrarySource } from './library.ts'
import { describeMachine } from './machine.ts'
import { fullParseScale, measureParse, type ParseScale } from './parse/parse-section.ts'
import { loadPeers, type Peers } from './peers.ts'
import { resultsMarkdown } from './report/results-markdown.ts'
import { measureSize } from './size/size-section.ts'
import { fullTypeCheckScale, measureTypeCheck, type TypeCheckScale } from './type-check/type-check-section.ts'

/** How big each section runs. */
export interface BenchScale {
  readonly name: string
  readonly answer: AnswerScale
  readonly parse: ParseScale
  readonly coldStart: ColdStartScale
  readonly typeCheck: TypeCheckScale
}

/** The full run (`npm run bench`): under 10 minutes on 2 cores. */
export const fullScale: BenchScale = { name: 'full', answer: fullAnswerScale, parse: fullParseScale, coldStart: fullColdStartScale, typeCheck: fullTypeCheckScale }

/** A run of a few seconds that only proves the harness works (its figures mean nothing). */
export const smokeScale: BenchScale = {
  name: 'smoke',
  answer: { rounds: 2, batch: 50, warmup: 50, inFlight: 8 },
  parse: { plan: { rounds: 2, batch: 200 } },
  coldStart: { rounds: 1, only: ['node -e 0', 'graph-calling/notifications'] },
  // The sources' own check with skipLibCheck off takes seconds: the smoke proves the harness without it.
  typeCheck: { rounds: 1, only: ['bot: client, parser, web handler'], skipLibCheck: [true] },
}

/** The sections, in the order they run. */
export const sectionNames = ['answer', 'parse', 'cold-start', 'size', 'type-check'] as const
/** One section's name. */
export type SectionName = (typeof sectionNames)[number]

/** Options of `runBench`. */
export interface BenchOptions {
  readonly scale: BenchScale
  /** `dist` (built first when `build` is set) or `src`. */
  readonly source: LibrarySource
  readonly build: boolean
  /** Install the peers when missing, use them only if present, or leave them out. */
  readonly peers: 'install' | 'if-present' | 'none'
  /** Profile what misses a goal. */
  readonly profile: boolean
  /** Only these sections (all when undefined). */
  readonly only?: readonly SectionName[]
  /** Where to write RESULTS.md; not written when undefined. */
  readonly output?: string
  readonly log: (line: string) => void
}

/** What a run produced. */
export interface BenchRun {
  readonly markdown: string
  readonly goals: readonly GoalResult[]
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== ''
    return dirty ? `${sha} with uncommitted changes in src/` : sha
  } catch {
    return 'unknown commit'
  }
}

/** Runs the bench. */
export async function runBench(options: BenchOptions): Promise<BenchRun> {
  const started = performance.now()
  const machine = describeMachine()
  const loadAtStart = loadavg()[0]!
  const { log, scale, source } = options
  if (options.build && source === 'dist') {
    log('building (npm run build)')
    try {
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' })
    } catch (error) {
      throw new Error(`npm run build failed:\n${String((error as { stderr?: string }).stderr ?? error).slice(-4000)}`)
    }
  }
  const pieces = await probeLibrary(source)
  log(`library pieces: ${Object.entries(pieces).map(([k, v]) => `${k} ${v ? 'yes' : 'no'}`).join(', ')}`)
  const peers: Peers =
    options.peers === 'none' ? { entries: {}, versions: {}, missing: 'peers left out at this scale' } : await loadPeers({ install: options.peers === 'install', log })

  const context: SectionContext = { source, pieces, peers, log, profile: options.profile }
  const wanted = (name: SectionName) => !options.only || options.only.includes(name)
  const sections: SectionResult[] = []
  if (wanted('answer')) sections.push(await measureAnswer(scale.answer, context))
  if (wanted('parse')) sections.push(await measureParse(scale.parse, context))
  if (wanted('cold-start')) sections.push(await measureColdStart(scale.coldStart, context))
  if (wanted('size')) sections.push(await measureSize(context))
  if (wanted('type-check')) sections.push(measureTypeCheck(scale.typeCheck, context))

  const markdown = resultsMarkdown(
    {
      machine,
      load: [loadAtStart, loadavg()[0]!],
      library: `graph-calling from \`${source}/\` at ${commit()}`,
      peers: peers.missing ?? Object.entries(peers.versions).map(([n, v]) => `${n} ${v}`).join(', '),
      durationSec: (performance.now() - started) / 1000,
      scale: scale.name,
    },
    sections,
  )
  if (options.output) writeFileSync(options.output, markdown)
  return { markdown, goals: sections.flatMap((s) => s.goals) }
}
