import { Agent, type Dispatcher } from 'undici'

/** undici's dispatcher type, re-exported so that only the transport imports undici. */
export type { Dispatcher }

/** How long the default Agent keeps an idle connection to Graph open (Graph's own keep-alive hints win). */
const KEEP_ALIVE_MS = 30_000

/** The keep-alive connection pool a client creates when it is given no dispatcher. */
export function createKeepAliveAgent(): Dispatcher {
  return new Agent({ keepAliveTimeout: KEEP_ALIVE_MS })
}
