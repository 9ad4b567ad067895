/**
 * V8's sampling profiler over part of a process (not its start-up): the measured loop only, so the profile
 * says where that loop's time goes.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

/** The environment variable that asks a bench process to profile its measured part into that file. */
export const PROFILE_ENV = 'GRAPH_CALLING_BENCH_PROFILE'

/** Starts profiling this process; the returned function stops and writes the `.cpuprofile` to `file`. */
export async function startProfiler(file: string, intervalUs = 50): Promise<() => Promise<void>> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs })
  await session.post('Profiler.start')
  return async () => {
    const { profile } = await session.post('Profiler.stop')
    session.disconnect()
    writeFileSync(file, JSON.stringify(profile))
  }
}
