/**
 * The benchmark harness at smoke scale: a few seconds of every section on the TypeScript sources, so CI
 * proves `npm run bench` still works. The figures mean nothing at this scale; what is checked is that every
 * section measures, compares with its baseline, judges its goals and cleans up its processes.
 */
import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { probeLibrary, type LibraryPieces } from '../../bench/library.ts'
import { runBench, smokeScale, type BenchRun } from '../../bench/run-bench.ts'

let run: BenchRun
let pieces: LibraryPieces

beforeAll(async () => {
  pieces = await probeLibrary('src')
  run = await runBench({ scale: smokeScale, source: 'src', build: false, peers: 'none', profile: false, log: () => {} })
}, 120_000)

const goal = (start: string) => run.goals.find((g) => g.goal.startsWith(start))

describe('npm run bench at smoke scale', () => {
  it('renders RESULTS.md with the machine, the goals and all five sections', () => {
    expect(run.markdown).toMatch(/^# Benchmark results/)
    expect(run.markdown).toContain(`| Node | ${process.version} |`)
    for (const heading of ['## Goals', '## 1. Answer over HTTP', '## 2. Parsing notifications', '## 3. Cold start', '## 4. Size', '## 5. Type-check cost', '## Missed goals: why']) {
      expect(run.markdown).toContain(heading)
    }
  })

  it('judges every goal of the brief, each met, missed or not measured with a reason', () => {
    expect(run.goals).toHaveLength(10)
    for (const g of run.goals) {
      expect(['met', 'missed', 'not measured']).toContain(g.verdict)
      if (g.verdict !== 'met') expect(g.note).toBeTruthy()
    }
  })

  it('measures raw undici and the answer builder against the loopback server', () => {
    expect(run.markdown).toMatch(/\| raw undici \(Pool, prebuilt body\) \| \d+(\.\d+)? \(/)
    expect(run.markdown).toMatch(/\| graph-calling `answer\(\)` builder \+ raw undici \| \d+(\.\d+)? \(.*\| \d+(\.\d+)?x \(/)
  })

  it('measures answering with CallingClient when the library has it', () => {
    const sequential = goal('Answer, sequential: graph-calling req/s')!
    expect(sequential.verdict === 'not measured').toBe(!pieces.callingClient)
  })

  it('measures parsing against JSON.parse when the library has parseNotifications', () => {
    const timed = goal('Parse: parseNotifications at most 1.25x JSON.parse per notification, events included')!
    expect(timed.verdict === 'not measured').toBe(!pieces.parseNotifications)
  })

  it('measures the cold start of graph-calling/notifications over node -e 0', () => {
    const cold = goal('Cold start: importing graph-calling/notifications')!
    expect(cold.verdict).not.toBe('not measured')
    expect(cold.measured).toMatch(/^-?\d.* ms .* over node -e 0$/)
  })

  it('bundles and gzips what exists', () => {
    expect(run.markdown).toMatch(/\| `answer\(\)` builder alone \| \d+\.\d KB \| \d+\.\d KB \|/)
    const size = goal('Size: the parse-and-verify handler')!
    expect(size.verdict === 'not measured').toBe(!pieces.notificationHandler)
  })

  it('type-checks a bot against an empty file', () => {
    expect(run.markdown).toMatch(/\| empty file \| on \| \d+ \| [\d.]+ \(.*\) \| 1x \| \d+ \|/)
    expect(run.markdown).toMatch(/\| bot: client, parser, web handler \| on \| \d+ \| [\d.]+ \(.*\) \| [\d.]+x \(.*\) \| \d+ \|/)
  })

  it('leaves no child process behind', async () => {
    const children = () =>
      execFileSync('ps', ['--ppid', String(process.pid), '-o', 'comm='], { encoding: 'utf8' })
        .split('\n')
        .map((c) => c.trim())
        .filter((c) => c !== '' && c !== 'ps')
    // A child that was just told to stop may take a moment to be gone.
    for (let i = 0; i < 20 && children().length > 0; i++) await new Promise((r) => setTimeout(r, 100))
    expect(children()).toEqual([])
  })
})
