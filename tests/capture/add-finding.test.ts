// Confirming a scan: new accounts are added with the site they were captured on; a secret the vault already holds
// updates that account rather than adding a twin (unless the user asks for a second copy).
import { beforeEach, describe, expect, it } from 'vitest';
import { addFinding } from '../../extension/capture/add-finding';
import type { AccountFinding, CapturedAccount, MigrationFinding } from '../../extension/capture/types';
import { makeHarness, PASSWORD, type Harness } from '../extension/support/vault-fixture';

const base = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
const github: CapturedAccount = { ...base, issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP', sites: ['github.com'] };
const bank: CapturedAccount = { ...base, issuer: 'Bank', account: 'alice', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', sites: [] };

let harness: Harness;
beforeEach(async () => {
  harness = makeHarness();
  await harness.vault.create(PASSWORD);
});

const accountFinding = (account: CapturedAccount): AccountFinding => ({ kind: 'account', account });

describe('addFinding', () => {
  it('adds a scanned account with the site it was captured on', async () => {
    const outcome = await addFinding(harness.vault, accountFinding(github));
    expect(outcome.added).toHaveLength(1);
    const [stored] = await harness.vault.list();
    expect(stored).toMatchObject({ issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP', sites: ['github.com'] });
  });

  it('updates the account holding the same secret instead of adding a twin, keeping both sites', async () => {
    const [existing] = await harness.vault.add([{ ...github, issuer: 'Old name', sites: ['example.com'] }]);
    const outcome = await addFinding(harness.vault, accountFinding(github));
    expect(outcome).toMatchObject({ added: [], updated: [{ id: existing.id, issuer: 'GitHub', sites: ['example.com', 'github.com'] }] });
    expect(await harness.vault.list()).toHaveLength(1);
  });

  it('finds the twin however its key is spelt', async () => {
    await harness.vault.add([github]);
    await addFinding(harness.vault, accountFinding({ ...github, secret: 'jbswy3dpehpk3pxp' }));
    expect(await harness.vault.list()).toHaveLength(1);
  });

  it('adds a second copy when the user asks for one', async () => {
    await harness.vault.add([github]);
    await addFinding(harness.vault, accountFinding(github), 'add');
    expect(await harness.vault.list()).toHaveLength(2);
  });

  it('imports an export\'s new accounts at once and leaves the ones already there alone', async () => {
    await harness.vault.add([github]);
    const finding: MigrationFinding = { kind: 'migration', accounts: [github, bank], refused: [], batchIndex: 0, batchSize: 1, batchId: 5 };
    const outcome = await addFinding(harness.vault, finding);
    expect(outcome.added.map((a) => a.issuer)).toEqual(['Bank']);
    expect(outcome.skipped.map((a) => a.issuer)).toEqual(['GitHub']);
    expect((await harness.vault.list()).map((a) => a.issuer).sort()).toEqual(['Bank', 'GitHub']);
  });

  it('changes nothing when the vault is locked, and says so', async () => {
    await harness.vault.lock();
    await expect(addFinding(harness.vault, accountFinding(bank))).rejects.toMatchObject({ code: 'locked' });
    await harness.vault.unlock(PASSWORD);
    expect(await harness.vault.list()).toEqual([]);
  });
});
