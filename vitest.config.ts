import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const core = fileURLToPath(new URL('./packages/lint-core/src/index.ts', import.meta.url));
const coreTesting = fileURLToPath(new URL('./packages/lint-core/src/testing/index.ts', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@replylint\/core\/testing$/, replacement: coreTesting },
      { find: /^@replylint\/core$/, replacement: core },
    ],
  },
  test: {
    projects: [
      { extends: true, test: { name: 'core', include: ['packages/lint-core/test/**/*.test.ts'] } },
      { extends: true, test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'] } },
      { extends: true, test: { name: 'lsp', include: ['packages/language-server/test/**/*.test.ts'] } },
    ],
    testTimeout: 30000,
    pool: 'forks',
  },
});
