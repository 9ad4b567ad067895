import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { userAgent, VERSION } from '../../../src/transport/user-agent.ts'

describe('User-Agent', () => {
  it("carries package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
  })

  it("puts the caller's product first", () => {
    expect(userAgent()).toBe(`graph-calling/${VERSION}`)
    expect(userAgent('contoso-bot/1.0')).toBe(`contoso-bot/1.0 graph-calling/${VERSION}`)
  })
})
