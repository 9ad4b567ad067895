/** Instruction counts under `valgrind --tool=callgrind`: steady on a machine whose timings are not. */
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runChild } from '../child-process.ts'

/** Whether valgrind is on PATH. */
export function hasValgrind(): boolean {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/**
 * Node's flags under callgrind: V8's predictable mode (one thread, no concurrent compilation, no
 * time-driven heuristics) and fixed seeds, so two runs of one program count within a few million
 * instructions of each other.
 */
const STEADY_NODE = ['--predictable', '--single-threaded', '--hash-seed=1', '--random-seed=1']

/** Instructions the whole `node script args` process executed. */
export async function countInstructions(script: string, args: readonly string[], timeoutMs: number): Promise<number> {
  const out = join(tmpdir(), `graph-calling-callgrind-${process.pid}-${Math.random().toString(36).slice(2)}.out`)
  try {
    const result = await runChild('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, ...STEADY_NODE, script, ...args], { timeoutMs })
    if (result.code !== 0) throw new Error(`callgrind of ${script} exited with ${result.code}\n${result.stderr.slice(-2000)}`)
    const totals = /^(?:summary|totals):\s*(\d+)/m.exec(readFileSync(out, 'utf8'))
    if (!totals) throw new Error(`callgrind wrote no instruction total for ${script}`)
    return Number(totals[1])
  } finally {
    rmSync(out, { force: true })
  }
}

/**
 * Instructions per operation of a program that runs `count` operations: counted with `count` = n and 2n,
 * the difference divided by n.
 */
export async function instructionsPerOp(script: string, args: (count: number) => readonly string[], n: number, timeoutMs: number): Promise<number> {
  const [low, high] = await Promise.all([countInstructions(script, args(n), timeoutMs), countInstructions(script, args(2 * n), timeoutMs)])
  return (high - low) / n
}
