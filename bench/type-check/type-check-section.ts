/**
 * Section 5: type-check cost (no goal). What a bot's `tsc` pays for the package's declarations: a bot that
 * answers calls, parses notifications and serves them through the web handler, and one that imports the
 * TypeBox schemas, each against an empty file type-checked in the same round, with `skipLibCheck` off (what
 * `tsc` does unless told otherwise) and on. Each check is a whole `tsc --noEmit` process; the figures are
 * its own `--extendedDiagnostics` totals.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RoundsScale, SectionContext, SectionResult } from '../section.ts'
import { repoRoot, type LibrarySource } from '../library.ts'
import { num, ratioOf, spreadOf, table } from '../report/markdown.ts'
import { median, pairedRatio, rotate, spread } from '../stats.ts'

/**
 * How much the section runs: each round checks every program once with each `skipLibCheck` setting; only
 * some programs (by name) when `only` is given.
 */
export interface TypeCheckScale extends RoundsScale {
  readonly skipLibCheck: readonly boolean[]
}

/** The full run: a handful of rounds, since one check of the schemas takes seconds. */
export const fullTypeCheckScale: TypeCheckScale = { rounds: 3, skipLibCheck: [false, true] }

/** One program a bot might be. */
interface Program {
  readonly name: string
  readonly code: string
}

const programs: readonly Program[] = [
  { name: 'empty file', code: 'export const nothing = 0\n' },
  {
    name: 'bot: client, parser, web handler',
    code: `import { CallingClient } from 'graph-calling'
import { parseNotifications, type CallEvent } from 'graph-calling/notifications'
import { createNotificationHandler } from 'graph-calling/web'

export async function onEvent(client: CallingClient, event: CallEvent): Promise<void> {
  if (event.type !== 'call.incoming') return
  await client.calls.answer(event.callId, { callbackUri: 'https://bot.example/cb', acceptedModalities: ['audio'], mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' } })
  const prompt = await client.calls.playPrompt(event.callId, { prompts: [] })
  void prompt.body?.status
}
export const handler = createNotificationHandler({ appId: '00000000-0000-0000-0000-000000000000', onEvent: (event) => onEvent(new CallingClient({ credential: async () => null }), event) })
export const parse = parseNotifications
`,
  },
  {
    name: 'bot that imports graph-calling/schemas',
    code: `import { Call } from 'graph-calling/schemas'
export const schema = Call
`,
  },
]

/** The package's entries as `paths`, for a check of the sources (the smoke run has no build). */
const SOURCE_PATHS = {
  'graph-calling': [join(repoRoot, 'src/index.ts')],
  'graph-calling/schemas': [join(repoRoot, 'src/schemas/index.ts')],
  'graph-calling/notifications': [join(repoRoot, 'src/notifications/index.ts')],
  'graph-calling/web': [join(repoRoot, 'src/adapters/web.ts')],
}

/** What one `tsc` run reported. */
interface Check {
  readonly files: number
  readonly seconds: number
  readonly megabytes: number
}

function compilerOptions(skipLibCheck: boolean, source: LibrarySource): Record<string, unknown> {
  const options: Record<string, unknown> = {
    target: 'ES2023',
    lib: ['ES2023', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    strict: true,
    skipLibCheck,
    noEmit: true,
  }
  // From `dist/`, the scratch folder inside the repository imports the package by its own name, through
  // `exports`, as an installed package is; from `src/`, through `paths`.
  // The sources are checked as the repository checks them, which `lib` they use included.
  if (source === 'src') Object.assign(options, { paths: SOURCE_PATHS, allowImportingTsExtensions: true, lib: ['ES2023', 'ES2024.String', 'DOM'] })
  return options
}

function check(dir: string, program: Program, skipLibCheck: boolean, source: LibrarySource): Check {
  const file = `${program.name.replace(/\W+/g, '-')}.ts`
  const config = join(dir, `tsconfig-${file}-${skipLibCheck}.json`)
  writeFileSync(join(dir, file), program.code)
  writeFileSync(config, JSON.stringify({ compilerOptions: compilerOptions(skipLibCheck, source), files: [file] }))
  let out: string
  try {
    out = execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', config, '--extendedDiagnostics'], { cwd: dir, encoding: 'utf8' })
  } catch (error) {
    throw new Error(`tsc failed on "${program.name}":\n${String((error as { stdout?: string }).stdout ?? error).slice(0, 4000)}`)
  }
  const figure = (label: string): number => {
    const found = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out)?.[1]
    if (found === undefined) throw new Error(`tsc --extendedDiagnostics printed no "${label}" for "${program.name}"`)
    return Number(found)
  }
  return { files: figure('Files'), seconds: figure('Total time'), megabytes: figure('Memory used') / 1024 }
}

/** Runs the section. */
export function measureTypeCheck(scale: TypeCheckScale, options: SectionContext): SectionResult {
  // Inside the repository, so that the package is found by its own name; a folder of its own per run.
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'bench-type-check-'))
  // The empty file first: every other program is compared with it.
  const chosen = programs.filter((p) => p === programs[0] || !scale.only || scale.only.includes(p.name))
  const runs = new Map<string, Check[]>()
  try {
    for (let round = 0; round < scale.rounds; round++) {
      for (const program of rotate(chosen, round)) {
        for (const skipLibCheck of scale.skipLibCheck) {
          const key = `${program.name}|${skipLibCheck}`
          runs.set(key, [...(runs.get(key) ?? []), check(dir, program, skipLibCheck, options.source)])
        }
      }
      options.log(`type-check: round ${round + 1} of ${scale.rounds}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const rows: string[][] = []
  for (const skipLibCheck of scale.skipLibCheck) {
    const empty = runs.get(`${programs[0]!.name}|${skipLibCheck}`)!
    for (const program of chosen) {
      const checks = runs.get(`${program.name}|${skipLibCheck}`)!
      const seconds = checks.map((c) => c.seconds)
      rows.push([
        program.name,
        skipLibCheck ? 'on' : 'off',
        String(checks[0]!.files),
        spreadOf(spread(seconds)),
        // Paired by round with the empty file's check, which shares the round's load.
        program === chosen[0] ? '1x' : ratioOf(pairedRatio(seconds, empty.map((c) => c.seconds))),
        num(median(checks.map((c) => c.megabytes))),
      ])
    }
  }
  const body = [
    `Each program is one file type-checked by a whole \`tsc --noEmit\` process (TypeScript from \`node_modules\`, \`"module": "NodeNext"\`, \`strict\`), against graph-calling from \`${options.source}/\`: ${scale.rounds} round(s), the programs in rotating order; seconds and memory are \`--extendedDiagnostics\`' "Total time" and "Memory used", median (min–max); "vs empty file" is paired per round with the empty file's check. With \`skipLibCheck\` off, \`tsc\` checks every declaration file the program reaches: only \`graph-calling/schemas\` reaches TypeBox's.`,
    table(['program', 'skipLibCheck', 'files', 'seconds', 'vs empty file', 'memory MB'], rows),
  ].join('\n\n')
  return { title: '5. Type-check cost', body, goals: [], analysis: [] }
}
