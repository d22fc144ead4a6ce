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
      { extends: true, test: { name: 'ext', include: ['packages/vscode-extension/test/**/*.test.ts'], exclude: ['packages/vscode-extension/test/**/*.e2e.test.ts'] } },
      // the .vsix in a real VS Code (code-server + Chromium): slow, so it gets generous timeouts
      { extends: true, test: { name: 'e2e', include: ['packages/vscode-extension/test/**/*.e2e.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
    ],
    testTimeout: 30000,
    pool: 'forks',
  },
});
