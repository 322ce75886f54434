// Changes a transaction holds back (their callers want no answer) until it sends its next statement or ends. Then they
// leave as few statements as may be: `WITH c0 AS (change), c1 AS (change) change`. PostgreSQL runs the parts of one
// statement in one snapshot, none seeing what another writes, so only changes of different tables go together (none of
// these reads another table); a second change of a table starts the next statement.
export interface Change { text: string; values: unknown[] }

const TARGET = /^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\s/i;
const PARAMETER = /\$(\d+)/g;

/** What a change's text says about it (the same few texts come again and again: read once each). */
const shapes = new Map<string, { table: string | undefined; parameters: number }>();
function shapeOf(text: string) {
  let shape = shapes.get(text);
  if (!shape) {
    const parameters = Math.max(0, ...Array.from(text.matchAll(PARAMETER), (match) => Number(match[1])));
    shapes.set(text, (shape = { table: TARGET.exec(text)?.[1].toLowerCase(), parameters }));
  }
  return shape;
}

function joinChanges(group: Change[]): Change {
  if (group.length === 1) return group[0];
  const parts: string[] = [];
  const values: unknown[] = [];
  for (const change of group) {
    const shift = values.length;
    parts.push(change.text.replace(PARAMETER, (_, n: string) => `$${Number(n) + shift}`));
    values.push(...change.values);
  }
  const last = parts.pop()!;
  return { text: `WITH ${parts.map((part, i) => `c${i} AS (${part})`).join(', ')} ${last}`, values };
}

/** The same changes, in the same order, as few statements as may be. */
export function combineChanges(changes: Change[]): Change[] {
  const statements: Change[] = [];
  let group: Change[] = [];
  const tables = new Set<string>();
  const close = () => {
    if (group.length > 0) statements.push(joinChanges(group));
    group = [];
    tables.clear();
  };
  for (const change of changes) {
    const { table, parameters } = shapeOf(change.text);
    if (table === undefined || parameters !== change.values.length) {
      close();
      statements.push(change);
      continue;
    }
    if (tables.has(table)) close();
    group.push(change);
    tables.add(table);
  }
  close();
  return statements;
}
