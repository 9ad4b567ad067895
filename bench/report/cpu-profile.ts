/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and says where the time went: the functions with
 * the most self time, and the self time of each package or part of Node.
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { repoRoot } from '../library.ts'

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

/** Self time of one function or one group, in milliseconds and as a share of all samples. */
export interface SelfTime {
  /** `function (file:line)` or a group name. */
  readonly name: string
  /** Milliseconds. */
  readonly ms: number
  /** Share of the profile's total, 0..1. */
  readonly share: number
}

/** Where a profile spent its time. */
export interface ProfileSummary {
  /** Total sampled time, in milliseconds. */
  readonly totalMs: number
  /** The functions with the most self time. */
  readonly functions: readonly SelfTime[]
  /** Self time by package (`undici`, `graph-calling`, `node:internal`, `(garbage collector)`, ...). */
  readonly groups: readonly SelfTime[]
}

const root = pathToFileURL(repoRoot).href

/** The group a script URL belongs to: the package under `node_modules`, the library, the bench, Node, V8. */
export function groupOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return 'node:internal'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1]!
  if (url.startsWith(`${root}/dist/`) || url.startsWith(`${root}/src/`)) return 'graph-calling'
  if (url.startsWith(`${root}/bench/`)) return 'bench harness'
  return url.replace(/^file:\/\//, '')
}

const shortUrl = (url: string) => url.replace(/^file:\/\/.*node_modules\//, '').replace(`${root}/`, '')

/** Summarizes the profile in `file`, keeping the `top` functions with the most self time. */
export function summarizeCpuProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<number, number>()
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0))
  const functions = new Map<string, number>()
  const groups = new Map<string, number>()
  let totalUs = 0
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    if (functionName === '(idle)') continue
    totalUs += us
    const name = url ? `${functionName || '(anonymous)'} (${shortUrl(url)}:${lineNumber + 1})` : functionName
    functions.set(name, (functions.get(name) ?? 0) + us)
    const group = groupOf(url, functionName)
    groups.set(group, (groups.get(group) ?? 0) + us)
  }
  const ranked = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: us / 1000, share: totalUs ? us / totalUs : 0 }))
  return { totalMs: totalUs / 1000, functions: ranked(functions, top), groups: ranked(groups, 10) }
}

/** The summary as Markdown lines. */
export function profileMarkdown(summary: ProfileSummary): string {
  const pct = (s: SelfTime) => `${(s.share * 100).toFixed(1)}%`
  const groups = summary.groups.map((g) => `${g.name} ${pct(g)}`).join(', ')
  const functions = summary.functions.map((f) => `  - ${pct(f)} \`${f.name}\``).join('\n')
  return `Self time by part (of ${summary.totalMs.toFixed(0)} ms sampled, idle excluded): ${groups}.\nTop functions by self time:\n${functions}`
}
