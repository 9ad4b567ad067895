/**
 * Where the measured library comes from: the built package (`dist/`, what users install) for the real run,
 * or the TypeScript sources for the smoke test, which runs before any build.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The repository root. */
export const repoRoot = resolve(import.meta.dirname, '..')

/** Which files stand for the package's entries. */
export type LibrarySource = 'dist' | 'src'

/** The subpath exports the bench measures. */
export type Subpath = '.' | './requests' | './notifications' | './web' | './testing'

const entryFiles: Record<Subpath, Record<LibrarySource, string>> = {
  '.': { dist: 'dist/index.js', src: 'src/index.ts' },
  './requests': { dist: 'dist/requests.js', src: 'src/requests/index.ts' },
  './notifications': { dist: 'dist/notifications.js', src: 'src/notifications/index.ts' },
  './web': { dist: 'dist/web.js', src: 'src/adapters/web.ts' },
  './testing': { dist: 'dist/testing.js', src: 'src/testing/index.ts' },
}

/** The absolute path of `subpath`'s entry file. */
export function entryPath(subpath: Subpath, source: LibrarySource): string {
  return join(repoRoot, entryFiles[subpath][source])
}

/** The `file:` URL of `subpath`'s entry file, for `import()`. */
export function entryUrl(subpath: Subpath, source: LibrarySource): string {
  return pathToFileURL(entryPath(subpath, source)).href
}

/** The package name a subpath export is imported by (`graph-calling/web`). */
export const packageSpecifier = (subpath: Subpath): string => (subpath === '.' ? 'graph-calling' : `graph-calling/${subpath.slice(2)}`)

/** The pieces of the library that exist in this checkout; each measurement needs some of them. */
export interface LibraryPieces {
  /** `CallingClient` in `graph-calling`. */
  readonly callingClient: boolean
  /** `answer` in `graph-calling/requests`. */
  readonly answerBuilder: boolean
  /** `parseNotifications` in `graph-calling/notifications`. */
  readonly parseNotifications: boolean
  /** `verifyNotificationToken` in `graph-calling/notifications`. */
  readonly verifyNotificationToken: boolean
  /** `createNotificationHandler` in `graph-calling/web`. */
  readonly notificationHandler: boolean
  /** `createTestSigner` in `graph-calling/testing`. */
  readonly testSigner: boolean
}

async function exportsOf(subpath: Subpath, source: LibrarySource): Promise<Record<string, unknown>> {
  if (!existsSync(entryPath(subpath, source))) return {}
  try {
    return (await import(entryUrl(subpath, source))) as Record<string, unknown>
  } catch {
    return {}
  }
}

/** Imports each entry and lists which pieces it exports. */
export async function probeLibrary(source: LibrarySource): Promise<LibraryPieces> {
  const [root, requests, notifications, web, testing] = await Promise.all(
    (['.', './requests', './notifications', './web', './testing'] as const).map((s) => exportsOf(s, source)),
  )
  const isFunction = (module: Record<string, unknown> | undefined, name: string) => typeof module?.[name] === 'function'
  return {
    callingClient: isFunction(root, 'CallingClient'),
    answerBuilder: isFunction(requests, 'answer'),
    parseNotifications: isFunction(notifications, 'parseNotifications'),
    verifyNotificationToken: isFunction(notifications, 'verifyNotificationToken'),
    notificationHandler: isFunction(web, 'createNotificationHandler'),
    testSigner: isFunction(testing, 'createTestSigner'),
  }
}
