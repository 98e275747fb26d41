import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests share one MariaDB server: each file uses its own database, but files run
    // one at a time so timings and statement counts stay meaningful on 2-core machines.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/global-setup.ts'],
    server: { deps: { inline: ['graphql-http'] } },
  },
});
