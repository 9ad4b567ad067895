/**
 * Child processes of the benchmark: each one bounded in time, killed by its own pid when the bench ends
 * early, so no server or client is ever left behind.
 */
import { fork, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { performance } from 'node:perf_hooks'

const live = new Set<ChildProcess>()

function killLive(): void {
  for (const child of live) if (child.pid !== undefined && child.exitCode === null) child.kill('SIGKILL')
  live.clear()
}
process.once('exit', killLive)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killLive()
    process.exit(130)
  })
}

/** What a finished child left behind. */
export interface ChildResult {
  /** Everything it wrote to stdout. */
  readonly stdout: string
  /** Everything it wrote to stderr. */
  readonly stderr: string
  /** Its exit code (null when killed). */
  readonly code: number | null
  /** Wall time from spawn to exit, in milliseconds. */
  readonly wallMs: number
}

/** Options of `runChild`. */
export interface RunChildOptions {
  /** The child is killed after this long, and `runChild` rejects. */
  readonly timeoutMs: number
  /** Working directory. */
  readonly cwd?: string
  /** Extra environment variables. */
  readonly env?: Record<string, string>
}

/** Runs `command args` to its end, within `timeoutMs`. */
export function runChild(command: string, args: readonly string[], options: RunChildOptions): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] }
    const started = performance.now()
    const child = spawn(command, args, spawnOptions)
    live.add(child)
    let stdout = ''
    let stderr = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${[command, ...args].join(' ').slice(0, 200)} did not finish within ${options.timeoutMs} ms\n${stderr.slice(-2000)}`))
    }, options.timeoutMs)
    child.once('error', (error) => {
      clearTimeout(timer)
      live.delete(child)
      reject(error)
    })
    child.once('close', (code) => {
      const wallMs = performance.now() - started
      clearTimeout(timer)
      live.delete(child)
      resolve({ stdout, stderr, code, wallMs })
    })
  })
}

/** Runs a Node script of the bench (`node script args`) and returns the JSON it printed on its last line. */
export async function runNodeScript<T>(script: string, args: readonly string[], options: RunChildOptions & { nodeFlags?: readonly string[] }): Promise<T> {
  const result = await runChild(process.execPath, [...(options.nodeFlags ?? []), script, ...args], options)
  if (result.code !== 0) throw new Error(`${script} exited with ${result.code}\n${result.stderr.slice(-4000)}`)
  const lines = result.stdout.trim().split('\n')
  return JSON.parse(lines[lines.length - 1]!) as T
}

/** A long-lived child process that talks over IPC: a server, or a contender that runs batches on request. */
export interface Worker<Ready> {
  /** The first message the child sent. */
  readonly ready: Ready
  /** Sends `message` and waits (at most `timeoutMs`) for the child's next message. */
  ask<Reply>(message: object, timeoutMs: number): Promise<Reply>
  /** Disconnects from the child, which then exits by itself (SIGKILL after 5 s), and waits for it to exit. */
  stop(): Promise<void>
}

/** Forks `node [nodeFlags] script args` and waits (at most `timeoutMs`) for its first IPC message. */
export function forkWorker<Ready>(script: string, args: readonly string[], options: RunChildOptions & { nodeFlags?: readonly string[] }): Promise<Worker<Ready>> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, execArgv: [...(options.nodeFlags ?? [])], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    live.add(child)
    let stderr = ''
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-8000)))
    // 'exit', not 'close': a forked child that was disconnected may never emit 'close'.
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    const failure = (what: string) => new Error(`${script} ${args[0] ?? ''} ${what}\n${stderr.slice(-2000)}`)
    const stop = async () => {
      if (child.connected) child.disconnect()
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(killer)
      live.delete(child)
    }
    const nextMessage = <T>(timeoutMs: number) =>
      new Promise<T>((answer, fail) => {
        const onExit = (code: number | null) => {
          clearTimeout(timer)
          fail(failure(`exited with ${code}`))
        }
        const timer = setTimeout(() => {
          child.off('message', onMessage).off('exit', onExit)
          void stop()
          fail(failure(`did not answer within ${timeoutMs} ms`))
        }, timeoutMs)
        const onMessage = (message: T) => {
          clearTimeout(timer)
          child.off('exit', onExit)
          answer(message)
        }
        child.once('message', onMessage).once('exit', onExit)
      })
    nextMessage<Ready>(options.timeoutMs).then(
      (ready) =>
        resolve({
          ready,
          ask: <Reply>(message: object, timeoutMs: number) => {
            const reply = nextMessage<Reply>(timeoutMs)
            child.send(message)
            return reply
          },
          stop,
        }),
      reject,
    )
  })
}
