import { OpFailure, OP_KINDS } from './codes.ts';
import type { ParsedTx } from './envelope.ts';
import { BALANCE_ID, HANDLERS, RESULT, type ApplyContext } from './ops/index.ts';
import type { TxOutcome } from './results.ts';
import { BASE_FEE, type LedgerState } from './state.ts';

/** An applied operation, before the ledger gives it its id. */
export interface OpDraft {
  type: string;
  typeI: number;
  source: string;
  participants: string[];
  fields: Record<string, unknown>;
  /** The claimable balance the operation created, claimed or clawed back (not a Horizon field). */
  balanceId?: string;
}

export interface Applied {
  /** The state to keep: operations' effects on success, only fee + sequence on failure. */
  state: LedgerState;
  outcome: TxOutcome;
  ops: OpDraft[];
}

/**
 * Applies a transaction that passed validation. Fee and sequence are taken first and stay
 * taken; the operations run on a copy that is kept only if every one succeeds (stellar-core
 * applies a transaction's operations all-or-nothing).
 */
export function applyTx(state: LedgerState, p: ParsedTx, ledger: number, closeTime: number): Applied {
  const charged = state.clone();
  const fee = minBig(p.feeBid, BASE_FEE * BigInt(p.feeOps));
  const payer = charged.account(p.feeSource)!;
  payer.balance -= fee;
  const source = charged.account(p.inner.source)!;
  source.seq = BigInt(p.inner.sequence);
  source.seqLedger = ledger;
  source.seqTime = closeTime;

  const work = charged.clone();
  const ctx: ApplyContext = { state: work, ledger, closeTime, sponsorships: new Map(), tx: p.inner, opIndex: 0 };
  const results: TxOutcome['ops'] = [];
  const drafts: OpDraft[] = [];
  let failed = false;
  for (const [i, op] of p.inner.operations.entries()) {
    const opSource = op.source ?? p.inner.source;
    ctx.opIndex = i;
    if (failed) {
      // stellar-core stops at the first failure; later ops report success with no effect.
      results.push({ type: op.type, code: 'op_success' });
      continue;
    }
    try {
      if (!work.account(opSource)) throw new OpFailure('op_no_source_account');
      const handler = HANDLERS[op.type]!;
      const { [RESULT]: success, [BALANCE_ID]: balanceId, ...fields } = handler.apply(ctx, op, opSource);
      results.push({ type: op.type, code: 'op_success', ...(success !== undefined ? { success } : {}) });
      drafts.push({
        type: OP_KINDS[op.type]!.horizon,
        typeI: OP_KINDS[op.type]!.typeI,
        source: opSource,
        participants: handler.participants(op),
        fields,
        ...(typeof balanceId === 'string' ? { balanceId } : {}),
      });
    } catch (e) {
      if (!(e instanceof OpFailure)) throw e;
      failed = true;
      results.push({ type: op.type, code: e.code });
    }
  }
  const badSponsorship = !failed && ctx.sponsorships.size > 0;
  const ok = !failed && !badSponsorship;
  const innerCode = ok ? 'tx_success' : failed ? 'tx_failed' : 'tx_bad_sponsorship';
  const opsOut = badSponsorship ? [] : results;
  const outcome: TxOutcome = p.feeBump
    ? {
        code: ok ? 'tx_fee_bump_inner_success' : 'tx_fee_bump_inner_failed',
        feeCharged: fee,
        ops: [],
        inner: { hash: p.innerHash, code: innerCode, ops: opsOut },
      }
    : { code: innerCode, feeCharged: fee, ops: opsOut };
  return { state: ok ? work : charged, outcome, ops: ok ? drafts : failedDrafts(p, results) };
}

/** Horizon keeps a failed transaction's operations too (shown with include_failed=true). */
function failedDrafts(p: ParsedTx, results: TxOutcome['ops']): OpDraft[] {
  return p.inner.operations.map((op, i) => ({
    type: OP_KINDS[op.type]?.horizon ?? op.type,
    typeI: OP_KINDS[op.type]?.typeI ?? -1,
    source: op.source ?? p.inner.source,
    participants: HANDLERS[op.type]?.participants(op) ?? [],
    fields: { result_code: results[i]?.code },
  }));
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
