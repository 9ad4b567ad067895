/** RESULTS.md: the machine, every goal with its verdict, each section's figures, and the missed goals' profiles. */
import type { GoalResult } from '../goals.ts'
import type { SectionResult } from '../section.ts'
import type { Machine } from '../machine.ts'
import { knownCauses } from './known-causes.ts'
import { table } from './markdown.ts'

/** What the run knows about itself besides the sections. */
export interface RunFacts {
  readonly machine: Machine
  /** Load average (1 min) when the run started and when it ended. */
  readonly load: readonly [number, number]
  /** Where the library came from, and at which commit. */
  readonly library: string
  /** The peer SDKs and their versions, or why they are missing. */
  readonly peers: string
  /** How long the run took, in seconds. */
  readonly durationSec: number
  /** The scale (`full` or `smoke`). */
  readonly scale: string
}

const verdictOf = (g: GoalResult) => (g.verdict === 'met' ? '**met**' : g.verdict === 'missed' ? `**missed** ${g.note ?? ''}` : `not measured: ${g.note ?? ''}`)

/** The whole RESULTS.md. */
export function resultsMarkdown(facts: RunFacts, sections: readonly SectionResult[]): string {
  const { machine } = facts
  const goals = sections.flatMap((s) => s.goals)
  const missed = goals.filter((g) => g.verdict === 'missed').map((g) => g.goal)
  const analysis = [...knownCauses(missed), ...sections.flatMap((s) => s.analysis)]
  const minutes = `${Math.floor(facts.durationSec / 60)} min ${Math.round(facts.durationSec % 60)} s`
  return [
    '# Benchmark results',
    `Written by \`npm run bench\` (\`bench/run.ts\`, ${facts.scale} scale); every run rewrites this file. Every figure is measured in the same run as the baseline it is compared with.`,
    table(['', ''], [
      ['date', machine.date],
      ['Node', machine.node],
      ['CPU', `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB`],
      ['platform', machine.platform],
      ['load average (1 min) at start / end', `${facts.load[0].toFixed(2)} / ${facts.load[1].toFixed(2)}`],
      ['library', facts.library],
      ['peers', facts.peers],
      ['run time', minutes],
    ]),
    '## Goals',
    table(['goal', 'measured', 'verdict'], goals.map((g) => [g.goal, g.measured, verdictOf(g)])),
    ...sections.flatMap((s) => [`## ${s.title}`, s.body]),
    '## Missed goals: why, and what would close them',
    analysis.length > 0 ? analysis.join('\n\n') : missed.length > 0 ? 'No profile was taken this run.' : 'No goal was missed.',
    '',
  ].join('\n\n')
}
