import { createHash } from 'node:crypto';
import { FiscusError, formatNav, formatUnits, formatUsd, newId, requiredReserves, ROUNDING_RULES, type ChainId } from '@fiscus/core';
import { getLatestNavPublication, insertAttestation, type AttestationRow, type Db } from '@fiscus/ledger';
import { reserveFacts } from '../nav/reserves.ts';
import { requestOnChains } from '../nav/mirror.ts';
import type { OperationRow } from '../rows.ts';
import { canonicalJson, type Canonical } from './canonical.ts';
import type { AttestationKey } from './key.ts';

export const ATTESTATION_VERSION = 1;

/**
 * The statement: at `time`, `unitsOutstanding` units (Σ supply per chain + transit) at NAV
 * `nav` needed `requiredUsd` (RESERVES_REQUIRED_ROUND_UP) and the fund held `reservesUsd` in
 * custody and cash. Amounts are decimal strings in base units / micro-dollars so the signed
 * bytes never depend on float formatting.
 */
export async function buildAttestation(db: Db, fundId: string, now: Date): Promise<{ [k: string]: Canonical }> {
  const nav = await getLatestNavPublication(db, { fundId });
  if (!nav) throw new FiscusError('NAV_STALE', `fund ${fundId} has no NAV to attest against`);
  const f = await reserveFacts(db, fundId);
  const navValue = { value: nav.navValue, scale: nav.navScale };
  const required = requiredReserves(f.outstanding, navValue, f.decimals);
  const strings = (m: Record<string, bigint>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.toString()]));
  return {
    version: ATTESTATION_VERSION,
    fundId,
    time: now.toISOString(),
    decimals: f.decimals,
    nav: {
      value: nav.navValue.toString(),
      scale: nav.navScale,
      text: formatNav(navValue),
      round: nav.round.toString(),
      publishedAt: nav.publishedAt.toISOString(),
    },
    unitsOutstanding: f.outstanding.toString(),
    unitsOutstandingText: formatUnits(f.outstanding, f.decimals),
    supply: { chains: strings(f.supply), transit: f.transit.toString() },
    reserves: { accounts: strings(f.reserveAccounts), totalUsdMicros: f.reserves.toString(), totalUsd: formatUsd(f.reserves) },
    required: { usdMicros: required.toString(), usd: formatUsd(required), rounding: ROUNDING_RULES.RESERVES_REQUIRED_ROUND_UP },
    ok: f.reserves >= required,
  };
}

export interface CreatedAttestation {
  attestation: AttestationRow;
  operations: OperationRow[];
}

/**
 * Builds, signs and stores an attestation, and requests one publishAttestation op per chain
 * carrying its sha-256, all in one transaction. The signed payload is stored byte for byte so
 * anyone can re-verify it with the published key.
 */
export async function createAttestation(
  db: Db,
  p: { fundId: string; key: AttestationKey; by: string; chains: ChainId[]; now?: Date },
): Promise<CreatedAttestation> {
  const now = p.now ?? new Date();
  return db.transaction(async (tx) => {
    const body = await buildAttestation(tx, p.fundId, now);
    const payload = canonicalJson(body);
    const hash = createHash('sha256').update(payload, 'utf8').digest('hex');
    const attestation = await insertAttestation(tx, {
      id: newId('att'),
      fundId: p.fundId,
      payload,
      body: body as Record<string, unknown>,
      hash,
      signature: p.key.sign(payload),
      keyId: p.key.keyId,
      ok: body.ok === true,
      createdBy: p.by,
      createdAt: now,
    });
    const at = Math.floor(now.getTime() / 1000);
    const operations = await requestOnChains(tx, {
      fundId: p.fundId,
      chains: p.chains,
      body: { kind: 'publishAttestation', hash, at },
      context: { attestationId: attestation.id },
      by: p.by,
    });
    return { attestation, operations };
  });
}
