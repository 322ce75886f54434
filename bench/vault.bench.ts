// Unlocking the vault (Argon2id at the real 64 MiB / 3 passes, then the rest) and reading 500 accounts, against
// a bare AES-256-GCM decrypt loop over the same number of same-sized ciphertexts, measured in the same run.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { encodeBase32 } from '#shared/otp/index.ts';
import { openVault, type NewAccount } from '../extension/vault';
import { memoryArea } from '../extension/storage/area';
import { DEFAULT_KDF, deriveKeys } from '../extension/crypto/kdf';

const ACCOUNTS = 500;
const ROUNDS = 8;
const PASSWORD = 'bench master password';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(body: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await body();
  return performance.now() - start;
}

function sampleAccounts(): NewAccount[] {
  return Array.from({ length: ACCOUNTS }, (_, i) => ({
    type: i % 5 === 0 ? 'hotp' : 'totp', issuer: `Service ${i}`, account: `user${i}@example.com`,
    secret: encodeBase32(crypto.getRandomValues(new Uint8Array(20))), algorithm: 'SHA1', digits: 6, period: 30, counter: i,
    sites: [`service${i}.example`],
  }));
}

/** The floor for reading 500 records: decrypting as many ciphertexts of the same size, nothing else. */
async function bareDecryptLoop(sizes: number[]): Promise<number> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await Promise.all(sizes.map((size) => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(size))));
  return time(() => Promise.all(sealed.map((data) => crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data))));
}

export async function run(): Promise<void> {
  const vault = openVault({ indexedDB: new IDBFactory(), session: memoryArea(), dbName: 'bench-vault' });
  await vault.create(PASSWORD);
  await vault.add(sampleAccounts());
  const sizes = (await vault.list()).map((a) => JSON.stringify(a).length);
  const salt = crypto.getRandomValues(new Uint8Array(16));

  const kdf: number[] = [], unlock: number[] = [], list: number[] = [], bare: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first: the second of two back-to-back Argon2 runs finds its memory already warm.
    const measureKdf = async () => kdf.push(await time(() => deriveKeys(PASSWORD, salt, DEFAULT_KDF)));
    const measureUnlock = async () => {
      await vault.lock();
      unlock.push(await time(() => vault.unlock(PASSWORD)));
    };
    if (round % 2 === 0) await measureKdf().then(measureUnlock);
    else await measureUnlock().then(measureKdf);
    list.push(await time(() => vault.list()));
    bare.push(await bareDecryptLoop(sizes));
  }
  const [k, u, l, b] = [median(kdf), median(unlock), median(list), median(bare)];
  // Paired per round (KDF then unlock back to back), so machine noise between rounds cancels out.
  const rest = median(unlock.map((value, i) => value - kdf[i]));
  console.log(`medians of ${ROUNDS} rounds, Argon2id m=${DEFAULT_KDF.memoryKiB} KiB t=${DEFAULT_KDF.iterations} p=${DEFAULT_KDF.parallelism}`);
  console.log(`Argon2id key derivation alone:     ${k.toFixed(1)} ms (baseline for unlock)`);
  console.log(`unlock():                          ${u.toFixed(1)} ms = ${(u / k).toFixed(2)}x the KDF; the rest ${rest.toFixed(1)} ms (${((rest / u) * 100).toFixed(1)}% of unlock; within noise when near 0)`);
  console.log(`bare AES-GCM decrypt x${ACCOUNTS}:        ${b.toFixed(1)} ms (baseline for list)`);
  console.log(`list() of ${ACCOUNTS} accounts:            ${l.toFixed(1)} ms = ${(l / b).toFixed(2)}x the bare loop, ${(l / k).toFixed(2)}x the KDF`);
  console.log(`unlock + list:                     ${(u + l).toFixed(1)} ms, of which ${((k / (u + l)) * 100).toFixed(0)}% is the deliberate KDF cost`);
}
