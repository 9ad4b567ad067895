// Preloaded (`node -r`) into every cold-start process: prints the process's CPU time when it exits, so the
// bench can report CPU beside wall time. The same for every target, the baseline included.
'use strict'
process.once('exit', () => {
  const { user, system } = process.cpuUsage()
  process.stdout.write(`\ncpu-us:${user + system}\n`)
})
