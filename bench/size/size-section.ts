/**
 * Section 4: size. What a bundler ships for two real uses: a handler that verifies and parses Graph's
 * notifications, and a client that answers a call. esbuild bundles each (minified, tree-shaken, ESM for
 * Node), then gzip -9; each with and without its big dependency.
 */
import { gzipSync } from 'node:zlib'
import { build, stop } from 'esbuild'
import { atMost, notMeasured, type GoalResult } from '../goals.ts'
import type { SectionContext, SectionResult } from '../section.ts'
import { entryPath, repoRoot, type LibraryPieces, type LibrarySource, type Subpath } from '../library.ts'
import { table } from '../report/markdown.ts'

/** One bundle: the code of a small app and what it leaves out. */
interface App {
  readonly label: string
  /** The app's code; `$(subpath)` stands for the path of an entry. */
  readonly code: string
  /** Packages left out of the bundle. */
  readonly external: readonly string[]
  /** Which pieces it needs, and why it cannot be built without them. */
  readonly needs: readonly (keyof LibraryPieces)[]
}

/** Bytes of one bundle. */
interface Bundle {
  readonly minified: number
  readonly gzipped: number
}

const GOAL_BYTES = 15_000

const handlerCode = `import { createNotificationHandler } from '$(./web)'
export default createNotificationHandler({ appId: '00000000-0000-0000-0000-000000000000', onEvent: (event) => console.log(event.type) })`
const answerCode = `import { CallingClient } from '$(.)'
const client = new CallingClient({ credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: 0 }) } })
export default (callId, params) => client.calls.answer(callId, params)`
const parseVerifyCode = `import { parseNotifications, verifyNotificationToken } from '$(./notifications)'
export default async (authorization, body) => { await verifyNotificationToken(authorization, { appId: '00000000-0000-0000-0000-000000000000' }); return parseNotifications(body) }`

const apps: readonly App[] = [
  { label: 'parse-and-verify handler (`createNotificationHandler` with verification), without jose', code: handlerCode, external: ['jose'], needs: ['notificationHandler'] },
  { label: 'parse-and-verify handler, with jose', code: handlerCode, external: [], needs: ['notificationHandler'] },
  { label: '`parseNotifications` + `verifyNotificationToken` (no web handler), without jose', code: parseVerifyCode, external: ['jose'], needs: ['parseNotifications', 'verifyNotificationToken'] },
  { label: '`verifyNotificationToken` alone, without jose', code: `export { verifyNotificationToken } from '$(./notifications)'`, external: ['jose'], needs: ['verifyNotificationToken'] },
  { label: '`parseNotifications` alone', code: `export { parseNotifications } from '$(./notifications)'`, external: [], needs: ['parseNotifications'] },
  { label: 'answer call (`CallingClient` + `calls.answer`), without undici', code: answerCode, external: ['undici'], needs: ['callingClient'] },
  { label: 'answer call, with undici', code: answerCode, external: [], needs: ['callingClient'] },
  { label: '`answer()` builder alone', code: `export { answer } from '$(./requests)'`, external: [], needs: ['answerBuilder'] },
]

async function bundle(app: App, source: LibrarySource): Promise<Bundle> {
  const contents = app.code.replace(/\$\(([^)]+)\)/g, (_, subpath: Subpath) => entryPath(subpath, source))
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: [...app.external],
    write: false,
    logLevel: 'silent',
  })
  const bytes = result.outputFiles[0]!.contents
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`

/** Runs the section. */
export async function measureSize(options: SectionContext): Promise<SectionResult> {
  const rows: string[][] = []
  const sizes = new Map<App, Bundle>()
  try {
    for (const app of apps) {
      const missing = app.needs.filter((piece) => !options.pieces[piece])
      if (missing.length > 0) {
        rows.push([app.label, '—', `not measured: ${missing.join(', ')} not in graph-calling yet`])
        continue
      }
      const size = await bundle(app, options.source)
      sizes.set(app, size)
      rows.push([app.label, kb(size.minified), kb(size.gzipped)])
    }
  } finally {
    // esbuild keeps a service process for later builds; the bench leaves no process behind.
    await stop()
  }
  options.log(`size: ${[...sizes].map(([a, s]) => `${a.label.slice(0, 40)} ${kb(s.gzipped)}`).join('; ')}`)
  const goal = `Size: the parse-and-verify handler at most ${kb(GOAL_BYTES)} gzipped, excluding jose`
  const handler = sizes.get(apps[0]!)
  const goals: GoalResult[] = [
    handler
      ? atMost(goal, handler.gzipped / 1000, GOAL_BYTES / 1000, `${kb(handler.gzipped)} (${handler.gzipped.toLocaleString('en')} bytes)`, ' KB')
      : notMeasured(goal, '`createNotificationHandler` is not in graph-calling/web yet'),
  ]
  const body = [
    `esbuild (bundle, minify, tree-shake, ESM, platform node, target node22) of a small app importing the library from \`${options.source}/\`, then gzip -9. ` +
      '1 KB = 1,000 bytes. "without X" marks X external.',
    table(['app', 'minified', 'gzipped'], rows),
  ].join('\n\n')
  return { title: '4. Size', body, goals, analysis: [] }
}
