// How a PostgreSQL transaction packs the changes it held back: changes of different tables into one statement, with
// their parameters renumbered; a second change of a table, or anything it cannot read as one plain change, apart.
import { describe, expect, it } from 'vitest';
import { combineChanges } from '../../demo-site/storage/postgres/held-changes';

const session = { text: 'INSERT INTO sessions (id_hash, user_id) VALUES ($1, $2)', values: ['s', 'u'] };
const audit = { text: 'INSERT INTO audit (id, type) VALUES ($1, $2)', values: ['a', 'signin_success'] };
const signedIn = { text: 'UPDATE users SET last_signin_at = $2 WHERE id = $1', values: ['u', 5] };

describe('held changes', () => {
  it('go as one statement when each touches its own table, their parameters renumbered in order', () => {
    expect(combineChanges([signedIn, session, audit])).toEqual([
      {
        text: 'WITH c0 AS (UPDATE users SET last_signin_at = $2 WHERE id = $1), c1 AS (INSERT INTO sessions (id_hash, user_id) VALUES ($3, $4)) '
          + 'INSERT INTO audit (id, type) VALUES ($5, $6)',
        values: ['u', 5, 's', 'u', 'a', 'signin_success'],
      },
    ]);
  });

  it('start a new statement at a second change of the same table, keeping their order', () => {
    const second = { text: 'INSERT INTO audit (id, type) VALUES ($1, $2)', values: ['b', 'lockout'] };
    const statements = combineChanges([audit, session, second]);
    expect(statements).toHaveLength(2);
    expect(statements[0].values).toEqual(['a', 'signin_success', 's', 'u']);
    expect(statements[1]).toEqual(second);
  });

  it('leave alone what is not one plain change, or whose values do not match its parameters', () => {
    const withQuery = { text: 'WITH x AS (SELECT 1) UPDATE users SET role = $1', values: ['admin'] };
    const extraValue = { text: 'DELETE FROM throttles WHERE key = $1', values: ['k', 'unused'] };
    expect(combineChanges([session, withQuery, extraValue, audit])).toEqual([session, withQuery, extraValue, audit]);
    expect(combineChanges([])).toEqual([]);
  });
});
