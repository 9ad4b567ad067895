/**
 * The long load run: the Node handler in a child process, Graph's token verified on every request, for as
 * long as asked. Prints req/s, events/s, latency percentiles and the heap after GC at the start and end;
 * exits non-zero when a notification was lost or delivered twice, a request was not answered 202, or the
 * heap grew by more than the bound.
 *
 * Usage: node scripts/load-long.ts [--seconds 60] [--connections 32] [--in-flight 64] [--items 5]
 */
import { parseArgs } from 'node:util'
import { CI_LOAD, runLoad } from '../test/load/run-load.ts'

const HEAP_GROWTH_BOUND = 8 * 1024 * 1024

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: String(CI_LOAD.connections) },
    'in-flight': { type: 'string', default: String(CI_LOAD.inFlight) },
    items: { type: 'string', default: String(CI_LOAD.itemsPerRequest) },
  },
})
const seconds = Number(values.seconds)
const options = {
  ...CI_LOAD,
  seconds,
  // Room for 5,000 requests a second: the run ends by time, not by count.
  maxRequests: Math.ceil(seconds * 5_000),
  connections: Number(values.connections),
  inFlight: Number(values['in-flight']),
  itemsPerRequest: Number(values.items),
}
console.log(`load: ${options.seconds} s, ${options.connections} connections, ${options.inFlight} requests in flight, ${options.itemsPerRequest} notifications a request`)
const f = await runLoad(options)
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1)
console.log(`requests   ${f.requests} in ${f.seconds.toFixed(1)} s: ${Math.round(f.requestsPerSecond)} req/s`)
console.log(`events     ${f.events}: ${Math.round(f.eventsPerSecond)} events/s`)
console.log(`latency    p50 ${f.p50Ms.toFixed(1)} ms, p99 ${f.p99Ms.toFixed(1)} ms, max ${f.maxMs.toFixed(1)} ms`)
console.log(`heap       ${mib(f.heapStartBytes)} MiB -> ${mib(f.heapEndBytes)} MiB after GC (${mib(f.heapEndBytes - f.heapStartBytes)} MiB)`)
console.log(`statuses   ${JSON.stringify(f.statuses)}`)
console.log(`delivery   ${f.lost.length} lost, ${f.duplicated.length} duplicated, ${f.unexpected.length} unexpected, ${f.unnumbered} unnumbered, ${f.errors.length} errors`)
const clean = f.lost.length + f.duplicated.length + f.unexpected.length + f.unnumbered + f.errors.length === 0 && Object.keys(f.statuses).join() === '202'
if (!clean || f.heapEndBytes - f.heapStartBytes > HEAP_GROWTH_BOUND) process.exitCode = 1
