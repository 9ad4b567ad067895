import { SigningKeyCache } from './signing-key-cache.ts'
import type { KeyFetch, KeySourceSettings } from './verify-options.ts'

/** Stands for `globalThis.fetch`, which is looked up at fetch time so that interceptors installed later apply. */
const GLOBAL_FETCH: KeyFetch = (url, init) => globalThis.fetch(url, init)

const cachesByFetch = new WeakMap<KeyFetch, Map<string, SigningKeyCache>>()

/**
 * The key cache shared by every verifier with the same key source (URL, fetch function and refresh
 * settings), so that verifiers created per request still fetch the keys once.
 */
export function sharedSigningKeyCache(settings: KeySourceSettings): SigningKeyCache {
  const fetchKeys = settings.fetch ?? GLOBAL_FETCH
  let caches = cachesByFetch.get(fetchKeys)
  if (caches === undefined) {
    caches = new Map()
    cachesByFetch.set(fetchKeys, caches)
  }
  const id = [
    settings.openIdConfigurationUrl,
    settings.keyRefreshIntervalMs,
    settings.unknownKeyRefetchIntervalMs,
    settings.failedKeyFetchRetryMs,
    settings.keyFetchTimeoutMs,
  ].join(' ')
  let cache = caches.get(id)
  if (cache === undefined) {
    cache = new SigningKeyCache({ ...settings, fetch: fetchKeys })
    caches.set(id, cache)
  }
  return cache
}
