/**
 * `npm run bench`: measures the library against the physical limit and the peer SDKs in one run and rewrites
 * bench/RESULTS.md.
 *
 * Flags: --smoke (a few seconds, figures meaningless), --only answer,parse,cold-start,size,type-check,
 * --no-build, --no-peers, --no-profile, --out <file>.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fullScale, runBench, sectionNames, smokeScale, type SectionName } from './run-bench.ts'

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: join(import.meta.dirname, 'RESULTS.md') },
  },
})

const only = values.only?.split(',').map((name) => name.trim()) as SectionName[] | undefined
const unknown = only?.filter((name) => !sectionNames.includes(name))
if (unknown?.length) throw new Error(`--only: no section ${unknown.join(', ')}; the sections are ${sectionNames.join(', ')}`)
const t0 = Date.now()
const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`)
const run = await runBench({
  scale: values.smoke ? smokeScale : fullScale,
  source: 'dist',
  build: !values['no-build'],
  peers: values['no-peers'] ? 'none' : 'install',
  profile: !values['no-profile'],
  only,
  output: values.out,
  log,
})
for (const goal of run.goals) log(`${goal.verdict.padEnd(12)} ${goal.goal}: ${goal.measured}${goal.note ? ` (${goal.note})` : ''}`)
log(`wrote ${values.out}`)
