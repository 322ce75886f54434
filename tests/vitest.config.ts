import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Tests of the embedded store's own files: they run once, not per adapter. */
const EMBEDDED_ONLY = ['tests/site/durability.test.ts'];

export default defineConfig({
  root,
  plugins: [preact()],
  test: {
    // Generous: browser and Argon2id tests share two cores with whatever else the machine runs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser and server suites start real processes; two cores are all a machine here has.
    maxWorkers: 2,
    fileParallelism: true,
    // The site suite runs once per storage adapter; everything else once.
    projects: [
      { extends: true, test: { name: 'main', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: ['tests/site/**', 'tests/storage/**', 'tests/multi-process/**'] } },
      { extends: true, test: { name: 'site-embedded', include: ['tests/site/**/*.test.ts'], env: { TESSERA_TEST_STORAGE: 'embedded' } } },
      {
        extends: true,
        test: {
          name: 'site-postgres',
          include: ['tests/site/**/*.test.ts', 'tests/storage/**/*.test.ts', 'tests/multi-process/**/*.test.ts'],
          exclude: EMBEDDED_ONLY,
          env: { TESSERA_TEST_STORAGE: 'postgres' },
          // One real PostgreSQL server for these files (tests/support/postgres.ts).
          globalSetup: ['tests/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
