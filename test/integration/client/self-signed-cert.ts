import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A key and a self-signed certificate for TLS loopback servers. */
export interface TestCert {
  key: Buffer
  cert: Buffer
}

/** Every name a test server answers for: the four Graph hosts, the local token authority and loopback. */
const NAMES = [
  'DNS:graph.microsoft.com',
  'DNS:graph.microsoft.us',
  'DNS:dod-graph.microsoft.us',
  'DNS:microsoftgraph.chinacloudapi.cn',
  'DNS:localhost',
  'IP:127.0.0.1',
]

let made: TestCert | undefined

/** Makes (once per test file) a throwaway certificate with `openssl`, valid for one day. */
export function selfSignedCert(): TestCert {
  if (made) return made
  const dir = mkdtempSync(join(tmpdir(), 'graph-calling-cert-'))
  try {
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=graph-calling test', '-addext', `subjectAltName=${NAMES.join(',')}`],
      { stdio: 'ignore' },
    )
    made = { key: readFileSync(key), cert: readFileSync(cert) }
    return made
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
