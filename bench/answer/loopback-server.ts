/**
 * The stand-in for Graph in the answer benchmark: a `node:http` server on 127.0.0.1 that answers every
 * `POST .../answer` with 202 and an empty body, as Graph does. It runs in its own process so the clients'
 * CPU time can be told apart from its own.
 *
 * A call whose id starts with `check-` is remembered (body and Authorization header) and can be read back
 * with `GET /checks/<id>`: each contender sends one before it is measured, to prove it sends the same body.
 *
 * Sends `{ port }` over IPC when listening; exits on SIGTERM or when its parent goes away.
 */
import { createServer } from 'node:http'

const checks = new Map<string, { body: string; authorization: string | null }>()
const answerPath = /^\/v1\.0\/communications\/calls\/([^/]+)\/answer$/
let served = 0

const server = createServer((req, res) => {
  const url = req.url ?? ''
  if (req.method === 'GET' && url.startsWith('/checks/')) {
    const check = checks.get(decodeURIComponent(url.slice('/checks/'.length)))
    res.writeHead(check ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(check ?? null))
    return
  }
  const match = req.method === 'POST' ? answerPath.exec(url) : null
  const callId = match ? decodeURIComponent(match[1]!) : undefined
  const keep = callId?.startsWith('check-') === true
  const chunks: Buffer[] = []
  let bytes = 0
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length
    if (keep) chunks.push(chunk)
  })
  req.on('end', () => {
    served++
    if (!match || bytes === 0) {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"BadRequest","message":"expected POST .../answer with a body"}}')
      return
    }
    if (keep) checks.set(callId!, { body: Buffer.concat(chunks).toString('utf8'), authorization: req.headers.authorization ?? null })
    res.writeHead(202, { 'content-length': '0', 'request-id': '00000000-0000-0000-0000-000000000000' }).end()
  })
})
// Clients keep their connections between rounds; do not let the server close them first.
server.keepAliveTimeout = 120_000
server.headersTimeout = 130_000

const stop = () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
}
process.once('SIGTERM', stop)
process.once('disconnect', stop)
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 })
})
process.once('exit', () => process.stderr.write(`loopback server served ${served} requests\n`))
