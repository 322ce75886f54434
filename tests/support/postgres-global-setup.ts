// Vitest global setup: one PostgreSQL server for the whole run, its address handed to every test file.
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgresServer();
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.destroy();
}
