import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Operation } from '@stellar/stellar-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalLedger } from './ledger.ts';
import { startKit } from './testkit.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscus-ledger-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('local ledger journal (state across restarts)', () => {
  it('a restarted ledger replays to the same accounts, trustlines, history and sequence numbers', async () => {
    const file = join(dir, 'ledger.jsonl');
    const kit = await startKit({ journalFile: file });
    const { issuer, asset } = await kit.regulatedAsset('JRNL');
    const holder = await kit.holder(asset, issuer);
    const paid = await kit.submit(issuer, [Operation.payment({ destination: holder.publicKey(), asset, amount: '12.5' })]);
    // A failed transaction is journaled too: it consumed fee and sequence.
    await expect(kit.submit(holder, [Operation.payment({ destination: issuer.publicKey(), asset, amount: '99' })])).rejects.toThrow();
    const before = kit.horizon.ledger;
    const snapshot = {
      latest: before.latest.sequence,
      txs: before.txs.length,
      ops: before.ops.length,
      state: JSON.stringify([...before.state.accounts.values(), ...before.state.trustlines.values()], (_, v) =>
        typeof v === 'bigint' ? String(v) : v instanceof Map ? [...v] : v,
      ),
    };
    await kit.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = new LocalLedger({ passphrase: before.passphrase, journalFile: file });
    try {
      expect(again.txs.length).toBe(snapshot.txs);
      expect(again.ops.length).toBe(snapshot.ops);
      expect(again.latest.sequence).toBe(snapshot.latest);
      expect(
        JSON.stringify([...again.state.accounts.values(), ...again.state.trustlines.values()], (_, v) =>
          typeof v === 'bigint' ? String(v) : v instanceof Map ? [...v] : v,
        ),
      ).toBe(snapshot.state);
      expect(again.tx(paid.hash)?.successful).toBe(true);
      expect(again.nextSequence(holder.publicKey())).toBe(before.nextSequence(holder.publicKey()));
    } finally {
      again.stop();
    }
  });

  it('drops a torn last line, refuses a corrupt file or another network', async () => {
    const file = join(dir, 'torn.jsonl');
    const kit = await startKit({ journalFile: file });
    await kit.account();
    const txs = kit.horizon.ledger.txs.length;
    const passphrase = kit.passphrase;
    await kit.close();
    appendFileSync(file, '{"sequence":99,"closeT');
    const l = new LocalLedger({ passphrase, journalFile: file });
    expect(l.txs.length).toBe(txs);
    l.stop();
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true); // cut back before appending
    expect(() => new LocalLedger({ passphrase: 'Other Network', journalFile: file })).toThrow(/written for network/);
    writeFileSync(file, 'not json\n');
    expect(() => new LocalLedger({ passphrase, journalFile: file })).toThrow(/line 1 is not JSON/);
  });
});
