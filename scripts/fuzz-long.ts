/**
 * The long fuzz run: every random property of the fuzz tests with many more cases (and a seed of your
 * choice), the exhaustive sweeps over the seeds, and the extreme bodies, each bounded in time. Prints what
 * ran and how long it took; a failure prints fast-check's counterexample and seed, and the run exits non-zero.
 *
 * Usage: node scripts/fuzz-long.ts [--runs N] [--seed S]   (defaults: 20000 cases per property, a random seed)
 */
import { parseArgs } from 'node:util'
import { runExtremeBodiesBounded } from '../test/fuzz/bounded-worker.ts'
import { EXTREME_CASE_BOUND_MS, handlerProperties, parseProperties, sweeps, type FuzzCheck } from '../test/fuzz/fuzz-checks.ts'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string' } } })
const runs = Number(values.runs)
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed)
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: node scripts/fuzz-long.ts [--runs N] [--seed S]  (N and S whole numbers, N at least 1)')
  process.exitCode = 2
} else {
  await fuzz()
}

async function fuzz(): Promise<void> {
  console.log(`fuzzing with seed ${seed}, ${runs} cases per random property (replay: node scripts/fuzz-long.ts --runs ${runs} --seed ${seed})\n`)
  let total = 0
  let failed = 0
  const report = (name: string, cases: number | string, ms: number) => console.log(`${String(cases).padStart(9)}  ${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`)

  const run = async (check: FuzzCheck, settings: { seed: number; runs: number }) => {
    const start = performance.now()
    try {
      const cases = await check.run(settings)
      total += cases
      report(check.name, cases, performance.now() - start)
    } catch (error) {
      failed++
      report(check.name, 'FAILED', performance.now() - start)
      console.log(error instanceof Error ? error.message : String(error))
    }
  }

  for (const check of [...parseProperties, ...handlerProperties]) await run(check, { seed, runs })
  for (const check of sweeps) await run(check, { seed, runs: 0 })

  const start = performance.now()
  const results = await runExtremeBodiesBounded(EXTREME_CASE_BOUND_MS)
  for (const result of results) {
    if ('ok' in result) total++
    else {
      failed++
      console.log(`FAILED ${result.name}: ${result.error}`)
    }
  }
  report(`extreme bodies (${EXTREME_CASE_BOUND_MS} ms bound each)`, results.length, performance.now() - start)

  console.log(`\n${total} cases passed${failed > 0 ? `, ${failed} checks FAILED` : ''} (seed ${seed})`)
  if (failed > 0) process.exitCode = 1
}
