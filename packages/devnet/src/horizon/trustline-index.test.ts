import { Account, Asset, Keypair, Operation, TransactionBuilder, type xdr } from '@stellar/stellar-sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalLedger } from './ledger.ts';
import { LedgerState, type TrustlineEntry } from './state.ts';

/** What the index must answer, found the slow way: a scan of every trustline. */
function expectIndexed(state: LedgerState): void {
  const all = [...state.trustlines.values()];
  const assets = [...new Set(all.map((t) => `${t.code}:${t.issuer}`))].sort();
  expect(
    state
      .assets()
      .map((a) => `${a.code}:${a.issuer}`)
      .sort(),
  ).toEqual(assets);
  for (const asset of assets) {
    const [code, issuer] = asset.split(':') as [string, string];
    const holders = all.filter((t) => t.code === code && t.issuer === issuer).map((t) => t.account);
    expect(state.holdersOf(code, issuer)).toEqual(holders.sort());
  }
  for (const account of new Set([...state.accounts.keys(), ...all.map((t) => t.account)])) {
    // Same entries in the same (creation) order as the scan gives.
    expect(state.trustlinesOf(account)).toEqual(all.filter((t) => t.account === account));
  }
}

const line = (account: string, code: string): TrustlineEntry => ({
  account,
  code,
  issuer: 'ISSUER',
  balance: 0n,
  limit: 1n,
  flags: 1,
  lastModified: 1,
});

type Step =
  | { kind: 'put' | 'remove'; account: number; asset: number }
  | { kind: 'bulk'; lines: { account: number; asset: number }[] }
  | { kind: 'clone' }
  | { kind: 'rollback' };

const slot = { account: fc.nat(7), asset: fc.nat(2) };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('put' as const, 'remove' as const), ...slot }),
  fc.record({ kind: fc.constant('bulk' as const), lines: fc.array(fc.record(slot), { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('clone' as const) }),
  fc.record({ kind: fc.constant('rollback' as const) }),
);

describe('local ledger: trustline and holder index', () => {
  it('agrees with a scan of every trustline through adds, removals, bulk loads, clones and rollbacks', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = new LedgerState();
        // Earlier states that must not see later writes (a clone shares index arrays with them).
        const kept: LedgerState[] = [];
        for (const s of steps) {
          if (s.kind === 'put') state.putTrustline(line(`G${s.account}`, `A${s.asset}`));
          if (s.kind === 'remove') state.removeTrustline(`G${s.account}`, `A${s.asset}`, 'ISSUER');
          if (s.kind === 'bulk') state.putTrustlines(s.lines.map((l) => line(`G${l.account}`, `A${l.asset}`)));
          if (s.kind === 'clone') {
            kept.push(state);
            state = state.clone();
          }
          if (s.kind === 'rollback') {
            // applyTx's failure path: work on a clone, keep the state it was cloned from.
            const work = state.clone();
            work.putTrustline(line('G9', 'A0'));
            work.removeTrustline('G0', 'A0', 'ISSUER');
          }
          expectIndexed(state);
        }
        for (const k of kept) expectIndexed(k);
      }),
      { numRuns: 300 },
    );
  });

  it('follows the ledger through changeTrust, a failed transaction, line removal and a bulk load', async () => {
    const ledger = new LocalLedger({ passphrase: 'trustline index' });
    const root = ledger.root;
    const submit = async (source: Keypair, ops: xdr.Operation[], signers: Keypair[] = [source]) => {
      const account = new Account(source.publicKey(), (ledger.nextSequence(source.publicKey()) - 1n).toString());
      const b = new TransactionBuilder(account, { fee: '100', networkPassphrase: ledger.passphrase }).setTimeout(60);
      for (const op of ops) b.addOperation(op);
      const tx = b.build();
      tx.sign(...signers);
      return ledger.submit(tx.toEnvelope().toXdr('base64'));
    };
    const issuer = Keypair.random();
    const asset = new Asset('FUND', issuer.publicKey());
    await submit(root, [Operation.createAccount({ destination: issuer.publicKey(), startingBalance: '100' })]);
    await submit(issuer, [Operation.setOptions({ setFlags: 11 as never })]);
    const holders = [Keypair.random(), Keypair.random(), Keypair.random()];
    const joined = await submit(
      root,
      holders.flatMap((h) => [
        Operation.createAccount({ destination: h.publicKey(), startingBalance: '10' }),
        Operation.changeTrust({ asset, source: h.publicKey() }),
      ]),
      [root, ...holders],
    );
    expect(joined.status).toBe(200);
    const ids = holders.map((h) => h.publicKey()).sort();
    expect(ledger.state.holdersOf('FUND', issuer.publicKey())).toEqual(ids);
    expectIndexed(ledger.state);

    // A line created, then the transaction fails (an unauthorized line cannot pay): it rolls back.
    const late = Keypair.random();
    const failed = await submit(
      root,
      [
        Operation.createAccount({ destination: late.publicKey(), startingBalance: '10' }),
        Operation.changeTrust({ asset, source: late.publicKey() }),
        Operation.payment({ destination: holders[0]!.publicKey(), asset, amount: '1', source: late.publicKey() }),
      ],
      [root, late],
    );
    expect(failed.status).toBe(400);
    expect(ledger.state.holdersOf('FUND', issuer.publicKey())).toEqual(ids);
    expect(ledger.state.trustlinesOf(late.publicKey())).toEqual([]);
    expectIndexed(ledger.state);

    // Limit 0 removes the line.
    expect((await submit(holders[1]!, [Operation.changeTrust({ asset, limit: '0' })])).status).toBe(200);
    expect(ledger.state.holdersOf('FUND', issuer.publicKey())).toEqual(ids.filter((id) => id !== holders[1]!.publicKey()));
    expect(ledger.state.trustlinesOf(holders[1]!.publicKey())).toEqual([]);
    expectIndexed(ledger.state);

    // The bench's bulk load merges into the existing holders; a holder loaded again is not listed twice.
    const loaded = Array.from({ length: 50 }, () => ({ account: Keypair.random().publicKey(), balance: 5n }));
    const before = ledger.state;
    ledger.seedHolders('FUND', issuer.publicKey(), [...loaded, { account: holders[0]!.publicKey(), balance: 7n }]);
    const expected = [...ids.filter((id) => id !== holders[1]!.publicKey()), ...loaded.map((l) => l.account)].sort();
    expect(ledger.state.holdersOf('FUND', issuer.publicKey())).toEqual(expected);
    expect(ledger.state.account(holders[0]!.publicKey())!.subentries).toBe(1);
    expectIndexed(ledger.state);
    // The state before the load is untouched (in-flight reads hold it).
    expect(before.holdersOf('FUND', issuer.publicKey())).toEqual(ids.filter((id) => id !== holders[1]!.publicKey()));
    expectIndexed(before);
    ledger.stop();
  });
});
