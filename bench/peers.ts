/**
 * The peer SDKs the bench compares with. They are not dependencies of the project (CI stays lean): the bench
 * installs them on demand into the git-ignored `bench/.work/` with npm.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

/** The folder the peers are installed in. */
export const peersDir = join(import.meta.dirname, '.work')

/** The exact versions measured, so a later run compares with the same code. */
const packages: Record<string, string> = {
  '@microsoft/microsoft-graph-client': '3.0.7',
  '@microsoft/msgraph-sdk': '1.0.0-preview.90',
  '@microsoft/kiota-abstractions': '1.0.0-preview.109',
  '@microsoft/kiota-http-fetchlibrary': '1.0.0-preview.109',
}

/** The peers as the bench loads them: an entry URL and the version installed, or why they are missing. */
export interface Peers {
  /** Entry URLs by package name (missing when not installed). */
  readonly entries: Readonly<Record<string, string>>
  /** Installed versions by package name. */
  readonly versions: Readonly<Record<string, string>>
  /** Why the peers are not there, when they are not. */
  readonly missing?: string
}

function installedVersion(name: string): string | undefined {
  const manifest = join(peersDir, 'node_modules', name, 'package.json')
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined
}

// The file Node's resolver picks for `name` from inside bench/.work (each peer has a `main`).
const resolveFromPeers = (name: string): string => createRequire(join(peersDir, 'package.json')).resolve(name)

/** The peers, installed first with npm when `install` is set and a pinned version is missing. */
export async function loadPeers(options: { install: boolean; log: (line: string) => void }): Promise<Peers> {
  const stale = Object.entries(packages).filter(([name, version]) => installedVersion(name) !== version)
  if (stale.length > 0) {
    if (!options.install) return { entries: {}, versions: {}, missing: `peers not installed in bench/.work (${stale.map(([n]) => n).join(', ')})` }
    mkdirSync(peersDir, { recursive: true })
    const manifest = join(peersDir, 'package.json')
    if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'graph-calling-bench-peers', private: true }, null, 2) + '\n')
    const specs = Object.entries(packages).map(([name, version]) => `${name}@${version}`)
    options.log(`installing peers into bench/.work: ${specs.join(' ')}`)
    try {
      await promisify(execFile)('npm', ['install', '--prefix', peersDir, '--no-audit', '--no-fund', '--loglevel=error', ...specs], { timeout: 300_000 })
    } catch (error) {
      return { entries: {}, versions: {}, missing: `npm could not install the peers: ${(error as Error).message.split('\n')[0]}` }
    }
  }
  const entries: Record<string, string> = {}
  const versions: Record<string, string> = {}
  for (const name of Object.keys(packages)) {
    entries[name] = pathToFileURL(resolveFromPeers(name)).href
    versions[name] = installedVersion(name) ?? 'missing'
  }
  return { entries, versions }
}
