/** Instruction counts under `valgrind --tool=callgrind`: steady on a machine whose timings are not. */
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runChild } from '../child-process.ts'

/** The valgrind on PATH, or undefined. */
export function findValgrind(): string | undefined {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' })
    return 'valgrind'
  } catch {
    return undefined
  }
}

/**
 * Instructions the whole `node script args` process executed. Node runs `--single-threaded` so no compiler
 * or GC helper thread adds its own, varying, share.
 */
export async function countInstructions(script: string, args: readonly string[], timeoutMs: number): Promise<number> {
  const out = join(tmpdir(), `graph-calling-callgrind-${process.pid}-${Math.random().toString(36).slice(2)}.out`)
  try {
    const result = await runChild('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '--single-threaded', script, ...args], { timeoutMs })
    if (result.code !== 0) throw new Error(`callgrind of ${script} exited with ${result.code}\n${result.stderr.slice(-2000)}`)
    const totals = /^(?:summary|totals):\s*(\d+)/m.exec(readFileSync(out, 'utf8'))
    if (!totals) throw new Error(`callgrind wrote no instruction total for ${script}`)
    return Number(totals[1])
  } finally {
    rmSync(out, { force: true })
  }
}
