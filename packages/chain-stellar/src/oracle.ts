import { Operation, type xdr } from '@stellar/stellar-sdk';
import { FiscusError, type OracleOperation } from '@fiscus/core';
import type { StellarDeployment } from './deployment.ts';
import type { StellarNetwork } from './network.ts';

/**
 * The fund's NAV and latest attestation hash live as data entries on the ISSUING account (the
 * account wallets already trust for the asset), written by the issuer through the same sequence
 * stream as every other operation — or, for a fund deployed with role keys, on its ORACLE account
 * (`oracleAccount` in the deployment), written by the oracle key alone (roles.ts):
 *   nav = "<round>:<value>:<scale>:<unix seconds>"  (NAV = value / 10^scale USD per unit)
 *   por = sha-256 (hex) of the latest signed attestation;  por_at = its unix seconds
 * Values are ASCII and at most 64 bytes, Stellar's DataValue limit.
 */
export const NAV_KEY = 'nav';
export const POR_KEY = 'por';
export const POR_AT_KEY = 'por_at';

export function toOracleOps(op: OracleOperation): xdr.Operation[] {
  if (op.kind === 'publishNav') {
    const value = `${op.round}:${op.value}:${op.scale}:${op.at}`;
    if (value.length > 64) throw new FiscusError('VALIDATION_FAILED', `NAV entry "${value}" exceeds 64 bytes`);
    return [Operation.manageData({ name: NAV_KEY, value })];
  }
  if (!/^[0-9a-f]{64}$/.test(op.hash)) throw new FiscusError('VALIDATION_FAILED', 'attestation hash must be 64 lowercase hex chars');
  return [Operation.manageData({ name: POR_KEY, value: op.hash }), Operation.manageData({ name: POR_AT_KEY, value: String(op.at) })];
}

/**
 * As toOracleOps, but a NAV round older than the one already on the account rewrites the current
 * entry instead (the transaction still uses its sequence number): manageData has no compare, so
 * this keeps a late, out-of-order publication from rolling the NAV back.
 */
export async function oracleOpsFor(net: StellarNetwork, d: StellarDeployment, op: OracleOperation): Promise<xdr.Operation[]> {
  if (op.kind !== 'publishNav') return toOracleOps(op);
  const current = (await readOracleEntries(net, d)).nav;
  if (current && current.round > op.round) return toOracleOps({ kind: 'publishNav', ...current });
  return toOracleOps(op);
}

export const describeOracle = (op: OracleOperation): string =>
  op.kind === 'publishNav' ? `publishNav round ${op.round}` : `publishAttestation ${op.hash.slice(0, 16)}…`;

export interface OracleEntries {
  nav?: { round: bigint; value: bigint; scale: number; at: number };
  por?: { hash: string; at: number };
}

/** The account holding the fund's NAV entries. */
export const oracleAccountOf = (d: StellarDeployment): string => d.roles?.oracle ?? d.issuer;

/** Reads the entries back from the oracle account (what a wallet or auditor would do). */
export async function readOracleEntries(net: StellarNetwork, d: StellarDeployment): Promise<OracleEntries> {
  const account = await net.server.loadAccount(oracleAccountOf(d));
  const data = (account as unknown as { data_attr?: Record<string, string> }).data_attr ?? {};
  const text = (k: string) => (data[k] === undefined ? undefined : Buffer.from(data[k]!, 'base64').toString('utf8'));
  const out: OracleEntries = {};
  const nav = text(NAV_KEY);
  if (nav) {
    const [round, value, scale, at] = nav.split(':');
    out.nav = { round: BigInt(round!), value: BigInt(value!), scale: Number(scale), at: Number(at) };
  }
  const por = text(POR_KEY);
  if (por) out.por = { hash: por, at: Number(text(POR_AT_KEY) ?? 0) };
  return out;
}
