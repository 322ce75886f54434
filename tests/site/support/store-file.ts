// Reads the site's data file as a test would inspect it on disk.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILE } from '../../../demo-site/store/db';
import type { SiteData } from '../../../demo-site/store/schema';

export function readDataFileText(dataDir: string): string {
  return readFileSync(join(dataDir, DATA_FILE), 'utf8');
}

export function readDataFile(dataDir: string): SiteData {
  return JSON.parse(readDataFileText(dataDir)) as SiteData;
}

/** The users on disk; none when nothing was ever written. */
export function readUsersOnDisk(dataDir: string): SiteData['users'] {
  return existsSync(join(dataDir, DATA_FILE)) ? readDataFile(dataDir).users : [];
}
