import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The root README's configuration table against the configuration code (issue 16: docs that match
 * the code). Keys are read from the zod schemas' sources, so a variable added without a README row
 * — or a row left behind for a variable that no longer exists — fails here.
 */
const src = (f: string) => readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8');
const KEYS = new Set(
  ['config.ts', 'chains/avalanche/config.ts', 'chains/ethereum/config.ts', 'chains/stellar/config.ts', 'signer-config.ts'].flatMap((f) =>
    [...src(f).matchAll(/^ +([A-Z][A-Z0-9_]{2,}):/gm)].map((m) => m[1]!),
  ),
);
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
const rows = table.split('\n').filter((l) => l.startsWith('| `'));

/**
 * Names in a row's first cell: `A` / `B`, or a shorthand after the first name — `FISCUS_ORG_NAME` / `_URL`
 * (replaces the last word: FISCUS_ORG_URL) or `EVM_INFRASTRUCTURE` / `_FILE` (appends: EVM_INFRASTRUCTURE_FILE).
 */
function namesOf(row: string): string[] {
  const names = [...row.split('|')[1]!.matchAll(/`([A-Z_][A-Z0-9_*]*)`/g)].map((m) => m[1]!);
  const first = names[0]!;
  return names.map((n) => {
    if (!n.startsWith('_')) return n;
    const replaced = first.slice(0, first.lastIndexOf('_')) + n;
    return KEYS.has(replaced) ? replaced : first + n;
  });
}

describe('README configuration table', () => {
  const documented = new Set(rows.flatMap(namesOf));
  it('documents every variable the configuration code reads', () => {
    expect(KEYS.size).toBeGreaterThan(50);
    expect([...KEYS].filter((k) => !documented.has(k)).sort()).toEqual([]);
  });

  it('documents no variable the configuration code does not read', () => {
    expect([...documented].filter((k) => !k.includes('*') && !KEYS.has(k)).sort()).toEqual([]);
  });
});
