import { Account, Operation, TransactionBuilder, type Horizon } from '@stellar/stellar-sdk';
import { FiscusError, type Signer } from '@fiscus/core';
import { assetOf, type StellarDeployment } from './deployment.ts';
import { orMissing } from './horizon.ts';
import { accountIdOf } from './keys.ts';
import { signWith } from './sign.ts';
import type { StellarNetwork } from './network.ts';

/** AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED. */
const REGULATED_FLAGS = 1 | 2 | 8;
export const FUND_DATA_KEY = 'fiscus:fund';

/**
 * Idempotent deployment: every step looks at the ledger first. The issuer's flags, home domain
 * and fund marker, the distribution trustline and its authorization go in ONE transaction, with
 * the flags first, so no trustline can ever exist without the clawback flag.
 */
export async function deployAsset(net: StellarNetwork, d: StellarDeployment, issuer: Signer, distribution: Signer): Promise<void> {
  await ensureAccount(net, d.issuer);
  await ensureAccount(net, d.distribution);
  for (let attempt = 0; ; attempt++) {
    const iss = await net.server.loadAccount(d.issuer);
    const marker = iss.data_attr[FUND_DATA_KEY];
    if (marker && Buffer.from(marker, 'base64').toString() !== d.fundId) {
      throw new FiscusError('CONFLICT', `issuer ${d.issuer} already belongs to another fund`);
    }
    const flagsOk = iss.flags.auth_required && iss.flags.auth_revocable && iss.flags.auth_clawback_enabled && iss.home_domain === d.homeDomain;
    const dist = await net.server.loadAccount(d.distribution);
    const line = dist.balances.find((b) => 'asset_code' in b && b.asset_code === d.assetCode && b.asset_issuer === d.issuer) as
      | { is_authorized?: boolean; is_clawback_enabled?: boolean }
      | undefined;
    if (flagsOk && marker && line?.is_authorized) return;
    if (!iss.flags.auth_clawback_enabled && (await hasTrustlines(net.server, d))) {
      throw new FiscusError('CONFLICT', `asset ${d.assetCode}:${d.issuer} has trustlines created before the clawback flag`);
    }
    const asset = assetOf(d);
    const b = new TransactionBuilder(new Account(d.issuer, iss.sequenceNumber()), {
      fee: String(net.maxFeePerOp),
      networkPassphrase: net.passphrase,
    }).setTimeout(net.txTimeoutSec);
    if (!flagsOk) b.addOperation(Operation.setOptions({ setFlags: REGULATED_FLAGS as never, homeDomain: d.homeDomain }));
    if (!marker) b.addOperation(Operation.manageData({ name: FUND_DATA_KEY, value: d.fundId }));
    if (!line) b.addOperation(Operation.changeTrust({ asset, source: d.distribution }));
    if (!line?.is_authorized) b.addOperation(Operation.setTrustLineFlags({ trustor: d.distribution, asset, flags: { authorized: true } }));
    const tx = b.build();
    await signWith(tx, issuer);
    if (!line) await signWith(tx, distribution);
    try {
      await net.server.submitTransaction(tx, { skipMemoRequiredCheck: true });
      return;
    } catch (e) {
      if (attempt >= 2) throw e; // e.g. tx_bad_seq from a concurrent deploy: look again
    }
  }
}

async function hasTrustlines(server: Horizon.Server, d: StellarDeployment): Promise<boolean> {
  const page = await server.assets().forCode(d.assetCode).forIssuer(d.issuer).call();
  const a = page.records[0];
  if (!a) return false;
  const n = a.accounts;
  return n.authorized + n.authorized_to_maintain_liabilities + n.unauthorized > 0;
}

/** Creates the account if missing: friendbot on devnets/testnet, a funding account on pubnet. */
export async function ensureAccount(net: StellarNetwork, id: string): Promise<void> {
  if (await orMissing(net.server.loadAccount(id))) return;
  const f = net.funding;
  if (f.kind === 'friendbot') {
    const res = await fetch(`${f.url}?addr=${encodeURIComponent(id)}`);
    if (!res.ok && !(await orMissing(net.server.loadAccount(id))))
      throw new FiscusError('CHAIN_UNAVAILABLE', `friendbot could not fund ${id}: HTTP ${res.status}`);
    return;
  }
  const funder = await net.server.loadAccount(accountIdOf(f.signer));
  const tx = new TransactionBuilder(funder, { fee: String(net.maxFeePerOp), networkPassphrase: net.passphrase })
    .addOperation(Operation.createAccount({ destination: id, startingBalance: f.startingBalance ?? '5' }))
    .setTimeout(net.txTimeoutSec)
    .build();
  await signWith(tx, f.signer);
  await net.server.submitTransaction(tx, { skipMemoRequiredCheck: true });
}
