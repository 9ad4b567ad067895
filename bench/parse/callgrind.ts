/** Instruction counts under `valgrind --tool=callgrind`: steady on a machine whose timings are not. */
import { execFile, execFileSync, spawn } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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

/**
 * Instructions that `node script args` executes after it prints its first line (`ready`) and until it exits.
 * Valgrind runs the start-up and the warm-up uninstrumented (several times faster), then `callgrind_control`
 * turns counting on and the script is let go by closing its stdin.
 */
export function countInstructions(script: string, args: readonly string[], timeoutMs: number): Promise<number> {
  const out = join(tmpdir(), `graph-calling-callgrind-${process.pid}-${Math.random().toString(36).slice(2)}.out`)
  const valgrindArgs = ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${out}`, process.execPath, ...STEADY_NODE, script, ...args]
  return new Promise<number>((resolve, reject) => {
    const child = spawn('valgrind', valgrindArgs, { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let counting = false
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)))
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      if (counting || !stdout.includes('\n')) return
      counting = true
      execFile('callgrind_control', ['--instr=on', String(child.pid)], (error) => {
        if (error) child.kill('SIGKILL')
        child.stdin.end()
      })
    })
    child.once('close', (code) => {
      clearTimeout(timer)
      try {
        if (code !== 0) throw new Error(`callgrind of ${script} ${args.join(' ')} exited with ${code}\n${stderr}`)
        const totals = /^(?:summary|totals):\s*(\d+)/m.exec(readFileSync(out, 'utf8'))
        if (!totals) throw new Error(`callgrind wrote no instruction total for ${script}`)
        resolve(Number(totals[1]))
      } catch (error) {
        reject(error)
      } finally {
        rmSync(out, { force: true })
      }
    })
  })
}

/**
 * Instructions per operation of a program that runs `count` operations once it is ready: counted with
 * `count` = n and 2n, the difference divided by n (what runs after the operations cancels out).
 */
export async function instructionsPerOp(script: string, args: (count: number) => readonly string[], n: number, timeoutMs: number): Promise<number> {
  const [low, high] = await Promise.all([countInstructions(script, args(n), timeoutMs), countInstructions(script, args(2 * n), timeoutMs)])
  return (high - low) / n
}
