/** Runs the extreme bodies in a worker thread, stopping it when one case runs past its bound. */
import { Worker } from 'node:worker_threads'

/** How each extreme body ended: checked, failed with a message, or still running at the bound. */
export type BoundedResult = { readonly name: string; readonly ms: number } & ({ readonly ok: true } | { readonly error: string })

/** Runs every extreme body in `extreme-worker.ts`; a case running past `boundMs` ends the run with a hang. */
export function runExtremeBodiesBounded(boundMs: number): Promise<BoundedResult[]> {
  const worker = new Worker(new URL('./extreme-worker.ts', import.meta.url))
  const results: BoundedResult[] = []
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined
    let current: { name: string; start: number } | undefined
    const finish = () => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(results)
    }
    worker.on('message', (message: { name: string; started?: true; error?: string }) => {
      clearTimeout(timer)
      if (message.started) {
        current = { name: message.name, start: performance.now() }
        timer = setTimeout(() => {
          results.push({ name: current!.name, ms: performance.now() - current!.start, error: `no end within ${boundMs} ms: a hang` })
          finish()
        }, boundMs)
        return
      }
      const ms = performance.now() - (current?.start ?? 0)
      results.push(message.error === undefined ? { name: message.name, ms, ok: true } : { name: message.name, ms, error: message.error })
      current = undefined
    })
    worker.once('error', reject)
    worker.once('exit', () => {
      clearTimeout(timer)
      resolve(results)
    })
  })
}
