import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

/** The type tests compiled with `exactOptionalPropertyTypes`. */
const EXACT_OPTIONAL = 'test/types/exact-optional/**/*.test-d.ts'

export default defineConfig({
  // The examples import the package by name; tests run before the build, so they get the sources.
  resolve: {
    alias: [
      { find: /^graph-calling$/, replacement: source('./src/index.ts') },
      { find: /^graph-calling\/(schemas|requests|notifications|testing)$/, replacement: source('./src/$1/index.ts') },
      { find: /^graph-calling\/(web|node)$/, replacement: source('./src/adapters/$1.ts') },
      { find: /^graph-calling\/types$/, replacement: source('./src/schemas/types.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Integration tests open loopback servers; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    // Each test file in its own process: tests that patch globals (fetch, timers) cannot reach another file.
    pool: 'forks',
    isolate: true,
    projects: [
      {
        extends: true,
        test: { name: 'graph-calling', typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'], exclude: [EXACT_OPTIONAL], tsconfig: './tsconfig.json' } },
      },
      // Type tests compiled as a user's strictest settings have them (exactOptionalPropertyTypes), which
      // take their own tsconfig; they run nothing.
      {
        extends: true,
        test: {
          name: 'exact-optional',
          include: [],
          typecheck: { enabled: true, only: true, include: [EXACT_OPTIONAL], tsconfig: './test/types/exact-optional/tsconfig.json' },
        },
      },
    ],
  },
})
