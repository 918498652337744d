import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { FiscusError, type ApprovalProposal, type ChainDriver, type CollectedApproval, type Deployment } from '@fiscus/core';
import { accountBalance, createDb, schema, supplyAccount, type Database, type Db } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { addApprovalSignature, approvalState, proposeApproval } from '../multisig/index.ts';
import { approveOperation, requestOperation } from '../request.ts';
import type { EngineChainHarness } from './chain.ts';
import { testWorker, until } from './drive.ts';
import { deployedFund } from './fixture.ts';
import { deploymentOf, getOperation } from './seed.ts';

/** A chain whose driver deploys funds with three approvers at threshold 2, and the approvers' keys. */
export interface MultisigChainHarness extends EngineChainHarness {
  /** The approvers' addresses, in the order `sign` takes them. */
  approvers: string[];
  /** Approver `i` signs the proposal's hash with its own key, as its device would (hex). */
  sign(i: number, proposal: ApprovalProposal): Promise<string>;
  /** A key that is not an approver signs the same hash. */
  outsider(proposal: ApprovalProposal): Promise<{ signer: string; signature: string }>;
  /** Whether the chain would accept the transaction with only these signatures (without changing state). */
  accepts(approval: CollectedApproval, deployment: Deployment): Promise<boolean>;
}

const UNITS = 700_000n;
// Each case deploys a fund on a real chain; the machines running the suite are shared.
const TEST_TIMEOUT_MS = 150_000;

/**
 * Multi-signature approvals through the engine on a real chain: a 2-of-3 operation lands only
 * after the second signature; unknown, forged and duplicate signatures are refused; a crash while
 * collecting (or right after the transaction was signed) loses nothing and lands once.
 */
export function describeMultisigApprovals(name: string, startHarness: () => Promise<MultisigChainHarness>): void {
  describeEachBackend(`multi-signature approvals on ${name}`, (backend) => {
    let h: MultisigChainHarness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(() => h.close());

    async function largeMint(database: Database) {
      const db = database.db;
      const f = await deployedFund(database, h);
      const op = await requestOperation(db, {
        fundId: f.fundId,
        chain: h.chain,
        body: { kind: 'mint', to: f.address, units: UNITS },
        context: { walletId: f.walletId, investorId: f.investorId },
        requestedBy: 'maker',
        requiresApproval: true,
      });
      return { f, op, deployment: await deploymentOf(db, f.deploymentId) };
    }

    it(
      '2 of 3: nothing is sent after the first signature; the second one lands the operation, recorded in history and audit',
      async () => {
        const created = await backend.create();
        const database = await created.open();
        const db = database.db;
        try {
          const { f, op, deployment } = await largeMint(database);
          const proposal = await proposeApproval(db, h.driver, { id: op.id, actor: 'checker' });
          // Asking again (another approver, a retry) returns the same proposal: the hash never moves.
          expect((await proposeApproval(db, h.driver, { id: op.id, actor: 'other' })).hash).toBe(proposal.hash);
          expect(proposal.approvers).toEqual(h.approvers);
          expect(proposal.threshold).toBe(2);
          // API-key approval is not how a multisig operation is approved.
          await expect(approveOperation(db, { id: op.id, approvedBy: 'checker' })).rejects.toMatchObject({ code: 'CONFLICT' });

          const first = { signer: h.approvers[0]!, signature: await h.sign(0, proposal) };
          const after1 = await addApprovalSignature(db, h.driver, { id: op.id, signature: first, postedBy: 'approver-0' });
          expect(after1.operation.state).toBe('requested');
          const worker = testWorker(db, h.driver);
          for (let i = 0; i < 5; i++) await worker.tick();
          expect((await getOperation(db, op.id)).state).toBe('requested');
          expect((await getOperation(db, op.id)).txHash).toBeNull();
          expect(await h.driver.totalSupply(deployment)).toBe(0n);
          // The chain itself refuses the transaction with one approver's signature.
          expect(await h.accepts({ proposal: { ...proposal, payload: proposal.payload }, signatures: [first] }, deployment)).toBe(false);
          expect(await h.driver.totalSupply(deployment)).toBe(0n);

          const second = { signer: h.approvers[2]!, signature: await h.sign(2, proposal) };
          const after2 = await addApprovalSignature(db, h.driver, { id: op.id, signature: second, postedBy: 'approver-2' });
          expect(after2.operation.state).toBe('approved');
          expect(after2.operation.approvedBy).toBe(`${h.approvers[0]},${h.approvers[2]}`);
          await settleOne(worker, db, op.id);
          expect(await h.driver.totalSupply(deployment)).toBe(UNITS);
          expect(await h.driver.balanceOf(deployment, f.address)).toBe(UNITS);
          expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(h.chain), commodity: 'units' })).toBe(UNITS);

          const history = await db.select().from(schema.operationEvents).where(eq(schema.operationEvents.operationId, op.id));
          const signed = history.map((e) => e.detail?.approvalSignature as { signer: string; signature: string } | undefined).filter((x) => x !== undefined);
          expect(signed.map((s) => s.signer)).toEqual([first.signer, second.signer]);
          expect(signed.map((s) => s.signature)).toEqual([first.signature, second.signature]);
          const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subject, op.id));
          expect(audit.filter((a) => a.action === 'operation.signature_added').map((a) => (a.data as { signer: string }).signer)).toEqual([
            first.signer,
            second.signer,
          ]);
          expect(audit.find((a) => a.action === 'operation.approved')?.data).toMatchObject({ approvers: [first.signer, second.signer] });
        } finally {
          await database.close();
          await created.drop();
        }
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'refuses a signer who is not an approver, a forged signature, a duplicate, and signatures once approved',
      async () => {
        const created = await backend.create();
        const database = await created.open();
        const db = database.db;
        try {
          const { op, deployment } = await largeMint(database);
          await expect(
            addApprovalSignature(db, h.driver, { id: op.id, signature: { signer: h.approvers[0]!, signature: '00' }, postedBy: 'x' }),
          ).rejects.toMatchObject({
            code: 'CONFLICT', // no proposal yet
          });
          const proposal = await proposeApproval(db, h.driver, { id: op.id, actor: 'checker' });
          const outsider = await h.outsider(proposal);
          await expect(addApprovalSignature(db, h.driver, { id: op.id, signature: outsider, postedBy: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
          // Approver 1 claims approver 0's signature as its own.
          const forged = { signer: h.approvers[1]!, signature: await h.sign(0, proposal) };
          await expect(addApprovalSignature(db, h.driver, { id: op.id, signature: forged, postedBy: 'x' })).rejects.toMatchObject({
            code: 'VALIDATION_FAILED',
          });
          const garbage = { signer: h.approvers[1]!, signature: 'zz' };
          await expect(addApprovalSignature(db, h.driver, { id: op.id, signature: garbage, postedBy: 'x' })).rejects.toBeInstanceOf(FiscusError);
          const first = { signer: h.approvers[1]!, signature: await h.sign(1, proposal) };
          await addApprovalSignature(db, h.driver, { id: op.id, signature: first, postedBy: 'x' });
          await expect(addApprovalSignature(db, h.driver, { id: op.id, signature: first, postedBy: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
          const state = await approvalState(db, op.id);
          expect(state?.signatures.map((s) => s.signer)).toEqual([first.signer]);
          expect(state?.operation.state).toBe('requested');
          await addApprovalSignature(db, h.driver, { id: op.id, signature: { signer: h.approvers[0]!, signature: await h.sign(0, proposal) }, postedBy: 'x' });
          const late = { signer: h.approvers[2]!, signature: await h.sign(2, proposal) };
          await expect(addApprovalSignature(db, h.driver, { id: op.id, signature: late, postedBy: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
          await settleOne(testWorker(db, h.driver), db, op.id);
          expect(await h.driver.totalSupply(deployment)).toBe(UNITS);
        } finally {
          await database.close();
          await created.drop();
        }
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'a restart while collecting keeps the signatures; a worker dying after signing the transaction is resumed from the rows, and it lands once',
      async () => {
        const created = await backend.create();
        let database = await created.open();
        try {
          const { f, op, deployment } = await largeMint(database);
          const proposal = await proposeApproval(database.db, h.driver, { id: op.id, actor: 'checker' });
          await addApprovalSignature(database.db, h.driver, {
            id: op.id,
            signature: { signer: h.approvers[1]!, signature: await h.sign(1, proposal) },
            postedBy: 'a1',
          });
          const sequences = await database.db.select().from(schema.signerSequences);
          await database.close();

          // "Restart": a new connection; the proposal and the first signature are read back from the rows.
          database = await createDb({ ...created.options, migrate: false });
          const again = await proposeApproval(database.db, h.driver, { id: op.id, actor: 'checker' });
          expect(again.hash).toBe(proposal.hash);
          expect(await database.db.select().from(schema.signerSequences)).toEqual(sequences); // no second allocation
          const kept = await database.db
            .select()
            .from(schema.operationSignatures)
            .where(and(eq(schema.operationSignatures.operationId, op.id), eq(schema.operationSignatures.hash, proposal.hash)));
          expect(kept.map((s) => s.signer)).toEqual([h.approvers[1]]);
          await addApprovalSignature(database.db, h.driver, {
            id: op.id,
            signature: { signer: h.approvers[0]!, signature: await h.sign(0, proposal) },
            postedBy: 'a0',
          });
          await database.close();

          // A worker that dies right after it persisted the signed transaction (its broadcast never
          // happens: the step throws where the process would have been killed)…
          database = await createDb({ ...created.options, migrate: false });
          const dying = new Proxy(h.driver, {
            get: (target, key) =>
              key === 'submit'
                ? () => Promise.reject(new Error('worker killed before broadcasting'))
                : ((v) => (typeof v === 'function' ? v.bind(target) : v))(Reflect.get(target, key)),
          }) as ChainDriver;
          await until(testWorker(database.db, dying, { maxAttempts: 100 }), async () => (await getOperation(database.db, op.id)).state === 'prepared');
          const prepared = await getOperation(database.db, op.id);
          await database.close();
          expect(await h.driver.totalSupply(deployment)).toBe(0n);
          // …and a fresh worker on a fresh connection finishes it from the rows: the same transaction, one effect, one posting.
          database = await createDb({ ...created.options, migrate: false });
          await database.db
            .update(schema.operations)
            .set({ leaseOwner: null, leaseUntil: null, nextAttemptAt: new Date() })
            .where(eq(schema.operations.id, op.id));
          await settleOne(testWorker(database.db, h.driver), database.db, op.id);
          const row = await getOperation(database.db, op.id);
          expect(row.txHash).toBe(prepared.txHash);
          const entries = await database.db.select().from(schema.journalEntries).where(eq(schema.journalEntries.operationId, op.id));
          expect(entries).toHaveLength(1);
          expect(await h.driver.totalSupply(deployment)).toBe(UNITS);
          expect(await h.driver.balanceOf(deployment, f.address)).toBe(UNITS);
        } finally {
          await database.close().catch(() => undefined);
          await created.drop();
        }
      },
      TEST_TIMEOUT_MS,
    );
  });
}

async function settleOne(worker: ReturnType<typeof testWorker>, db: Db, id: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await worker.tick();
    const row = await getOperation(db, id);
    if (row.state === 'posted') return;
    if (row.state === 'failed') throw new Error(`operation failed: ${JSON.stringify(row.lastError)}`);
    if (Date.now() > deadline) throw new Error(`operation not posted: ${row.state} ${JSON.stringify(row.lastError)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
