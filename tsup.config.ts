import { defineConfig } from 'tsup'
import { keepTopLevelConstIn } from './scripts/keep-top-level-const.ts'

// One build for every subpath export, ESM and CJS, each with its own declarations. Entry names are the
// file names under dist/ that package.json's `exports` map points to.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    schemas: 'src/schemas/index.ts',
    types: 'src/schemas/types.ts',
    requests: 'src/requests/index.ts',
    notifications: 'src/notifications/index.ts',
    web: 'src/adapters/web.ts',
    node: 'src/adapters/node.ts',
    testing: 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: 'node22',
  platform: 'node',
  // esbuild writes top-level `const`s as `var`s, and V8 folds only a `const` into compiled code: give the
  // bundles' top-level bindings, functions included, back their `const`.
  onSuccess: async () => {
    keepTopLevelConstIn('dist')
  },
})
