import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  // The examples import the package by name; tests run before the build, so they get the sources.
  resolve: {
    alias: [
      { find: /^graph-calling$/, replacement: source('./src/index.ts') },
      { find: /^graph-calling\/(schemas|requests|notifications|testing)$/, replacement: source('./src/$1/index.ts') },
      { find: /^graph-calling\/(web|node)$/, replacement: source('./src/adapters/$1.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
    // Integration tests open loopback servers; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    // Each test file in its own process: tests that patch globals (fetch, timers) cannot reach another file.
    pool: 'forks',
    isolate: true,
  },
})
