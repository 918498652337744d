import { sql } from 'drizzle-orm';
import { FiscusError, policyFromJson, type ChainDriver, type Deployment } from '@fiscus/core';
import type { LineState, Sep8Approvals, Sep8Approved, Sep8Request, Sep8Review } from '@fiscus/chain-stellar';
import {
  getFundWallet,
  getInvestor,
  getSep8Approval,
  getWalletByAddress,
  insertSep8Approval,
  openSep8Approvals,
  pendingSep8Units,
  type Db,
  type FundRow,
  type InvestorRow,
  type Sep8ApprovalRow,
} from '@fiscus/ledger';
import { judgeParty, type PartyCheck } from './sep8.policy.ts';
import type { SourceRateLimiter } from './sep8.rate-limit.ts';
import { rejected, type Sep8Answer } from './sep8.schemas.ts';
import { refreshOpenApprovals } from './sep8.track.ts';

/** What the approval server needs from the Stellar driver: its `transferApproval` extension. */
export type Sep8Driver = Sep8Approvals;

export interface Sep8Context {
  db: Db;
  driver: Sep8Driver;
  deployment: Deployment;
  fund: FundRow;
  redemptionAddress: string;
  /** Where an unknown receiver is onboarded (action_required). */
  actionUrl: string;
  maxFeePerOp: bigint;
  limiter: SourceRateLimiter;
  now: Date;
}

export interface Sep8Outcome {
  answer: Sep8Answer;
  http: 200 | 400 | 429;
}

/** Wait suggested when the answer depends on something in flight (an authorization, the chain). */
const RETRY_MS = 5_000;
const ACTION_FIELDS = ['first_name', 'last_name', 'email_address', 'address_country_code'];

const reject = (error: string): Sep8Outcome => ({ answer: rejected(error), http: 400 });
const fromStored = (row: Sep8ApprovalRow): Sep8Outcome => ({ answer: row.response as Sep8Answer, http: row.status === 'rejected' ? 400 : 200 });

/**
 * One SEP-8 request, start to end. Shape first (no I/O), then the stored answer for the same
 * transaction (idempotent), the rate limit, the chain reads (open approvals, line states), and
 * finally, under the fund's subscription lock (so approvals and subscriptions cannot both take
 * the last holder slot or the last units under a maximum), the policy and the issuer signature.
 * success / revised / rejected are stored; pending and action_required are not (the wallet
 * sends the same transaction again once the wait or the action is over).
 */
export async function decideSep8(ctx: Sep8Context, xdr: string): Promise<Sep8Outcome> {
  const review = ctx.driver.reviewSep8(ctx.deployment, xdr, { maxFeePerOp: ctx.maxFeePerOp, now: ctx.now });
  if (!review.ok) return reject(review.error);
  const r = review.request;
  const stored = await getSep8Approval(ctx.db, { txHash: r.hash });
  if (stored) return fromStored(stored);
  const wait = ctx.limiter.take(r.source, ctx.now.getTime());
  if (wait > 0) {
    return {
      http: 429,
      answer: {
        status: 'pending',
        timeout: wait,
        message: `rate limit: at most ${ctx.limiter.perMinute} approval requests per minute per source account; send it again in ${wait} ms`,
      },
    };
  }
  let lines: Map<string, LineState>;
  try {
    await refreshOpenApprovals(ctx.db, ctx.driver, { fundId: ctx.fund.id });
    lines = await ctx.driver.lineStates(ctx.deployment, [r.source, ...r.payments.map((p) => p.to)]);
  } catch (e) {
    if (e instanceof FiscusError && e.code === 'CHAIN_UNAVAILABLE')
      return { http: 200, answer: { status: 'pending', timeout: RETRY_MS, message: `the Stellar network could not be read: ${e.message}` } };
    throw e;
  }
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`fiscus:subscribe:${ctx.fund.id}`}))`);
    const again = await getSep8Approval(tx, { txHash: r.hash });
    if (again) return fromStored(again);
    const verdict = await judge({ ...ctx, db: tx }, r, lines);
    if (verdict.kind === 'answer') {
      if (verdict.answer.status === 'rejected') await store(tx, ctx, r, verdict.answer, 'final');
      return { answer: verdict.answer, http: verdict.answer.status === 'rejected' ? 400 : 200 };
    }
    const signed = await ctx.driver.signSep8(ctx.deployment, r, lines, { now: ctx.now });
    if ('error' in signed) {
      const answer = rejected(signed.error);
      await store(tx, ctx, r, answer, 'final');
      return { answer, http: 400 };
    }
    const answer: Sep8Answer = { status: signed.status, tx: signed.xdr, message: signed.message };
    const row = await store(tx, ctx, r, answer, 'open', { signed, transfers: verdict.transfers });
    return fromStored(row);
  });
}

type Transfer = { to: string; investorId?: string; units: string };
type Verdict = { kind: 'answer'; answer: Sep8Answer } | { kind: 'approve'; transfers: Transfer[] };

async function store(
  db: Db,
  ctx: Sep8Context,
  r: Sep8Request,
  answer: Sep8Answer,
  state: 'open' | 'final',
  o: { signed?: Sep8Approved; transfers?: Transfer[] } = {},
) {
  return insertSep8Approval(db, {
    txHash: r.hash,
    fundId: ctx.fund.id,
    chain: ctx.driver.chain,
    source: r.source,
    status: answer.status,
    response: answer as Record<string, unknown>,
    state,
    approvedHash: o.signed?.hash ?? null,
    approvedSequence: o.signed?.sequence.toString() ?? null,
    validUntil: o.signed?.validUntil ?? null,
    transfers: o.transfers ?? [],
  });
}

/** Who the parties are, whether their wallets and lines can move the asset, and the fund policy for each. */
async function judge(ctx: Sep8Context, r: Sep8Request, lines: Map<string, LineState>): Promise<Verdict> {
  const answer = (a: Sep8Answer): Verdict => ({ kind: 'answer', answer: a });
  const chain = ctx.driver.chain;
  const sender = await registered(ctx, r.source);
  if (!sender.wallet || !sender.status)
    return answer(rejected(`the source ${r.source} is not a wallet registered for an investor of fund ${ctx.fund.id} on ${chain}`));
  if (sender.status !== 'authorized') return answer(rejected(`the source ${r.source} is ${sender.status} for fund ${ctx.fund.id}: it cannot transfer`));
  const srcLine = lines.get(r.source);
  if (srcLine !== 'maintain' && srcLine !== 'authorized') return answer(rejected(`the source ${r.source} trustline is ${srcLine ?? 'missing'} on ${chain}`));

  const byReceiver = new Map<string, bigint>();
  let redeemed = 0n;
  for (const p of r.payments) {
    if (p.to === ctx.redemptionAddress) redeemed += p.units;
    else byReceiver.set(p.to, (byReceiver.get(p.to) ?? 0n) + p.units);
  }
  const receivers: { address: string; investorId: string; units: bigint }[] = [];
  for (const [address, units] of byReceiver) {
    const who = await registered(ctx, address);
    const line = lines.get(address);
    if (!who.wallet || !who.status || line === 'missing') {
      const what = !who.wallet
        ? 'is not a known investor wallet'
        : !who.status
          ? `is not registered for fund ${ctx.fund.id}`
          : `has no trustline to ${ctx.fund.symbol}`;
      const url = new URL(ctx.actionUrl);
      url.searchParams.set('fund', ctx.fund.id);
      url.searchParams.set('account', address);
      return answer({
        status: 'action_required',
        message: `The receiver ${address} ${what}: it must be onboarded (KYC), create its trustline and register the wallet before it can receive ${ctx.fund.symbol}. Send the same transaction again once done.`,
        action_url: url.toString(),
        action_method: 'GET',
        action_fields: ACTION_FIELDS,
      });
    }
    if (who.status === 'pending')
      return answer({ status: 'pending', timeout: RETRY_MS, message: `the receiver ${address} is being authorized for fund ${ctx.fund.id}` });
    if (who.status !== 'authorized') return answer(rejected(`the receiver ${address} is ${who.status} for fund ${ctx.fund.id}: it cannot receive`));
    if (line !== 'maintain' && line !== 'authorized')
      return answer(rejected(`the receiver ${address} trustline is ${line ?? 'missing'} on ${chain}: it cannot receive`));
    receivers.push({ address, investorId: who.wallet.investorId, units });
  }

  const open = (await openSep8Approvals(ctx.db, { fundId: ctx.fund.id })).filter((a) => a.approvedHash !== r.hash);
  const pending = pendingSep8Units(
    open,
    receivers.map((x) => x.investorId),
  );
  const investor = async (id: string): Promise<InvestorRow> => (await getInvestor(ctx.db, { id }))!;
  const senderInvestor = await investor(sender.wallet.investorId);
  const policy = policyFromJson(ctx.fund.policy);
  const env = { fundId: ctx.fund.id, policy, decimals: ctx.fund.decimals, now: ctx.now };
  const toOthers = receivers.filter((x) => x.investorId !== senderInvestor.id).reduce((s, x) => s + x.units, 0n);
  const checks: PartyCheck[] = [];
  if (toOthers > 0n) checks.push({ who: `sender ${r.source}`, investor: senderInvestor, action: 'transferOut', units: toOthers, pendingIn: 0n });
  if (redeemed > 0n) checks.push({ who: `sender ${r.source}`, investor: senderInvestor, action: 'redeem', units: redeemed, pendingIn: 0n });
  const perInvestor = new Map<string, { address: string; units: bigint }>();
  for (const x of receivers) {
    const cur = perInvestor.get(x.investorId);
    perInvestor.set(x.investorId, { address: cur?.address ?? x.address, units: (cur?.units ?? 0n) + x.units });
  }
  for (const [id, x] of perInvestor) {
    // Between one investor's own wallets the holding does not change: eligibility only.
    const own = id === senderInvestor.id;
    checks.push({
      who: `receiver ${x.address}`,
      investor: own ? senderInvestor : await investor(id),
      action: 'receive',
      units: own ? 0n : x.units,
      pendingIn: pending.get(id) ?? 0n,
    });
  }
  for (const c of checks) {
    const denial = await judgeParty(ctx.db, env, c);
    if (denial) return answer(rejected(denial));
  }
  const transfers: Transfer[] = [
    ...receivers.filter((x) => x.investorId !== senderInvestor.id).map((x) => ({ to: x.address, investorId: x.investorId, units: x.units.toString() })),
    ...(redeemed > 0n ? [{ to: ctx.redemptionAddress, units: redeemed.toString() }] : []),
  ];
  return { kind: 'approve', transfers };
}

async function registered(ctx: Sep8Context, address: string) {
  const wallet = await getWalletByAddress(ctx.db, { chain: ctx.driver.chain, address });
  const fw = wallet ? await getFundWallet(ctx.db, { fundId: ctx.fund.id, walletId: wallet.id }) : undefined;
  return { wallet, status: fw?.status };
}
