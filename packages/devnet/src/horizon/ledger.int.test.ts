import { Account, type FeeBumpTransaction, Keypair, Operation, TransactionBuilder, TransactionFailedError, xdr } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startKit, type Kit } from './testkit.ts';

/** Transaction-level rules (validation vs apply, fees, sequence, auth, time bounds), through the SDK. */
describe('local ledger: transactions', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(() => kit.close());

  const seqOf = async (k: Keypair) => BigInt((await kit.server.loadAccount(k.publicKey())).sequenceNumber());
  const xlmOf = async (k: Keypair) => (await kit.server.loadAccount(k.publicKey())).balances.find((b) => b.asset_type === 'native')!.balance;

  it('serves root, fee_stats and friendbot accounts with a ledger-based sequence', async () => {
    const root = await kit.server.root();
    expect(root.network_passphrase).toBe(kit.passphrase);
    expect(await kit.server.fetchBaseFee()).toBe(100);
    const a = await kit.account();
    expect(await xlmOf(a)).toBe('10000.0000000');
    expect((await seqOf(a)) >> 32n).toBeGreaterThan(0n); // seq = creation ledger << 32
    await expect(kit.server.loadAccount(Keypair.random().publicKey())).rejects.toThrow(/Not Found|404/);
  });

  it('applies a payment, charges 100 stroops per op and bumps the sequence', async () => {
    const [a, b] = [await kit.account(), await kit.account()];
    const seq = await seqOf(a);
    const r = await kit.submit(a, [
      Operation.payment({ destination: b.publicKey(), asset: (await import('@stellar/stellar-sdk')).Asset.native(), amount: '1' }),
    ]);
    expect(r.successful).toBe(true);
    expect(xdr.TransactionResult.fromXdr(r.result_xdr, 'base64').feeCharged).toBe(100n);
    expect(await seqOf(a)).toBe(seq + 1n);
    expect(await xlmOf(a)).toBe('9998.9999900');
    expect((await kit.server.transactions().transaction(r.hash).call()).ledger_attr).toBe(r.ledger);
  });

  it('rejects before apply (no fee, no sequence): bad seq, bad auth, wrong network, too late, malformed op', async () => {
    const a = await kit.account();
    const seq = await seqOf(a);
    const op = Operation.manageData({ name: 'k', value: 'v' });
    const stale = new TransactionBuilder(new Account(a.publicKey(), (seq + 5n).toString()), { fee: '100', networkPassphrase: kit.passphrase })
      .addOperation(op)
      .setTimeout(60)
      .build();
    stale.sign(a);
    expect((await codesOf(kit.server.submitTransaction(stale))).transaction).toBe('tx_bad_seq');
    const other = await kit.build(a, [op]);
    other.sign(Keypair.random());
    expect((await codesOf(kit.server.submitTransaction(other))).transaction).toBe('tx_bad_auth');
    const foreign = new TransactionBuilder(new Account(a.publicKey(), seq.toString()), { fee: '100', networkPassphrase: 'Another Network' })
      .addOperation(op)
      .setTimeout(60)
      .build();
    foreign.sign(a);
    expect((await codesOf(kit.server.submitTransaction(foreign))).transaction).toBe('tx_bad_auth');
    const late = new TransactionBuilder(new Account(a.publicKey(), seq.toString()), {
      fee: '100',
      networkPassphrase: kit.passphrase,
      timebounds: { minTime: 0, maxTime: Math.floor(Date.now() / 1000) - 10 },
    })
      .addOperation(op)
      .build();
    late.sign(a);
    expect((await codesOf(kit.server.submitTransaction(late))).transaction).toBe('tx_too_late');
    const extra = await kit.build(a, [op]);
    extra.sign(a, Keypair.random());
    expect((await codesOf(kit.server.submitTransaction(extra))).transaction).toBe('tx_bad_auth_extra');
    const cheap = await kit.build(a, [op, op], { fee: '50' });
    cheap.sign(a);
    expect((await codesOf(kit.server.submitTransaction(cheap))).transaction).toBe('tx_insufficient_fee');
    // doCheckValid failure: clawback from oneself is malformed, so the whole tx is rejected.
    const bad = await codesOf(
      kit.submit(a, [
        op,
        Operation.clawback({ asset: new (await import('@stellar/stellar-sdk')).Asset('X', a.publicKey()), from: a.publicKey(), amount: '1' }),
      ]),
    );
    expect(bad).toEqual({ transaction: 'tx_failed', operations: ['op_success', 'op_malformed'] });
    expect(await seqOf(a)).toBe(seq);
    expect(await xlmOf(a)).toBe('10000.0000000');
  });

  it('a tx failing at apply consumes fee and sequence, rolls back every op, and is in history', async () => {
    const a = await kit.account();
    const seq = await seqOf(a);
    const tx = await kit.build(a, [Operation.manageData({ name: 'kept?', value: 'no' }), Operation.manageData({ name: 'missing', value: null })]);
    tx.sign(a);
    const err = await kit.server.submitTransaction(tx).catch((e) => e);
    expect(err).toBeInstanceOf(TransactionFailedError);
    expect(err.getResultCodes()).toEqual({ transaction: 'tx_failed', operations: ['op_success', 'op_data_name_not_found'] });
    expect(err.getTransactionResult().result.type).toBe('txFailed');
    expect(await seqOf(a)).toBe(seq + 1n);
    expect(await xlmOf(a)).toBe('9999.9999800');
    const acct = await kit.server.loadAccount(a.publicKey());
    expect(acct.data_attr).toEqual({});
    const rec = await kit.server.transactions().transaction(Buffer.from(tx.hash()).toString('hex')).call();
    expect(rec.successful).toBe(false);
    // Resubmitting the same bytes answers the recorded result; nothing is charged twice.
    expect((await codesOf(kit.server.submitTransaction(tx))).transaction).toBe('tx_failed');
    expect(await seqOf(a)).toBe(seq + 1n);
  });

  it('refuses operations it does not implement with op_not_supported', async () => {
    const a = await kit.account();
    const codes = await codesOf(kit.submit(a, [Operation.inflation()]));
    expect(codes).toEqual({ transaction: 'tx_failed', operations: ['op_not_supported'] });
  });

  // stellar-core src/transactions/BumpSequenceOpFrame.cpp
  it('bump sequence: below the current sequence it consumes only its transaction’s; above, it jumps there', async () => {
    const a = await kit.account();
    const seq = await seqOf(a);
    await kit.submit(a, [Operation.bumpSequence({ bumpTo: '0' })]);
    expect(await seqOf(a)).toBe(seq + 1n);
    await kit.submit(a, [Operation.bumpSequence({ bumpTo: (seq + 10n).toString() })]);
    expect(await seqOf(a)).toBe(seq + 10n);
  });

  it('fee bumps: the fee source pays (ops + 1) × base fee, the inner source consumes its sequence', async () => {
    const [inner, payer] = [await kit.account(), await kit.account()];
    const seq = await seqOf(inner);
    const tx = await kit.build(inner, [Operation.manageData({ name: 'fb', value: '1' })]);
    tx.sign(inner);
    const fb = TransactionBuilder.buildFeeBumpTransaction(payer, '200', tx, kit.passphrase);
    fb.sign(payer);
    const r = await kit.server.submitTransaction(fb as FeeBumpTransaction);
    expect(r.successful).toBe(true);
    expect(await xlmOf(payer)).toBe('9999.9999800');
    expect(await xlmOf(inner)).toBe('10000.0000000');
    expect(await seqOf(inner)).toBe(seq + 1n);
    expect((await kit.server.transactions().transaction(Buffer.from(tx.hash()).toString('hex')).call()).hash).toBe(r.hash);
    // An unsigned inner transaction makes the whole envelope invalid, and nothing is charged.
    const unsigned = TransactionBuilder.buildFeeBumpTransaction(
      payer,
      '200',
      await kit.build(inner, [Operation.manageData({ name: 'x', value: '1' })]),
      kit.passphrase,
    );
    unsigned.sign(payer);
    expect(await codesOf(kit.server.submitTransaction(unsigned))).toEqual({ transaction: 'tx_fee_bump_inner_failed', inner_transaction: 'tx_bad_auth' });
    expect(await xlmOf(payer)).toBe('9999.9999800');
  });
});

describe('local ledger: ledgers close on an interval', () => {
  it('holds submissions until the next close and accepts consecutive sequences in one ledger', async () => {
    const kit = await startKit({ closeMs: 150 });
    try {
      const a = await kit.account();
      const acct = await kit.server.loadAccount(a.publicKey());
      const txs = [0, 1].map((i) => {
        const t = new TransactionBuilder(acct, { fee: '100', networkPassphrase: kit.passphrase })
          .addOperation(Operation.manageData({ name: `n${i}`, value: 'v' }))
          .setTimeout(60)
          .build();
        t.sign(a);
        return t;
      });
      const [r1, r2] = (await Promise.all(txs.map((t) => kit.server.submitTransaction(t)))) as unknown as [{ ledger: number }, { ledger: number }];
      expect(r1.ledger).toBe(r2.ledger);
      const page = await kit.server.ledgers().order('desc').limit(1).call();
      expect(page.records[0]!.sequence).toBeGreaterThanOrEqual(r1.ledger);
    } finally {
      await kit.close();
    }
  });
});
