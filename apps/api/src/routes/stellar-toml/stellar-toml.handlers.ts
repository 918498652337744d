import { stellarToml, fromDeployment } from '@fiscus/chain-stellar';
import { FiscusError } from '@fiscus/core';
import { listActiveDeploymentsOnChain } from '@fiscus/ledger';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { GetRoute } from './stellar-toml.routes.ts';

/** SEP-8 approval_criteria: what the approval server checks (routes/sep8). */
export const SEP8_CRITERIA =
  'Every transfer is approved by the issuer under the fund compliance policy, across all chains the fund is issued on: sender and receiver must be onboarded investors with verified, ' +
  'unexpired KYC, an allowed jurisdiction and investor type; lock-up periods, the maximum holding per investor and the maximum number of holders apply. Payments to the ' +
  'redemption (distribution) account are redemptions. Only payments of this asset are approved; the approved transaction carries the issuer’s authorization operations.';

/**
 * SEP-1 wallets fetch this from the browser, so it is open to every origin (SEP-1 requires
 * `Access-Control-Allow-Origin: *`) and served as text/plain. Built from the database on every
 * request: a fund appears as soon as its Stellar deployment is active.
 */
export const get: AppRouteHandler<GetRoute> = async (c) => {
  const stellar = c.var.deps.stellar;
  if (!stellar) throw new FiscusError('NOT_FOUND', 'no Stellar network is configured in this process');
  const rows = await listActiveDeploymentsOnChain(c.var.db, { chain: stellar.chain });
  const body = stellarToml({
    networkPassphrase: stellar.networkPassphrase,
    horizonUrl: stellar.horizonUrl,
    organization: stellar.organization,
    assets: rows
      .filter((r) => r.details)
      .map((r) => ({
        deployment: fromDeployment({ chain: stellar.chain, details: r.details! }),
        name: r.fundName,
        description: `${r.fundName} (${r.fundSymbol}): tokenized US Treasury fund units. Regulated asset: the issuer authorizes a trustline only after the holder's KYC; frozen, clawed back or force-transferred under the fund's compliance policy.`,
        // The latest signed proof of reserves, readable without a key (routes/public-reserves); its key is in the table below.
        attestationUrl: `${stellar.publicUrl}/public/funds/${r.fundId}/attestations/latest`,
        // SEP-8 regulated asset (the fund's stellarSep8 option): every transfer is approved here.
        ...(r.details?.sep8 === 'true' ? { approvalServer: `${stellar.publicUrl}/stellar/sep8/${r.fundId}/tx_approve`, approvalCriteria: SEP8_CRITERIA } : {}),
      })),
  });
  // Verifiers of attestation_of_reserve need the signing key; an extra table (ignored by SEP-1
  // parsers that do not know it) keeps it next to the currencies it vouches for.
  const key = c.var.deps.attestationKey;
  const keyTable = key ? `\n[[FISCUS_ATTESTATION_KEYS]]\nkey_id = "${key.keyId}"\nalgorithm = "Ed25519"\npublic_key = "${key.publicKey}"\n` : '';
  return c.body(body + keyTable, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=60' });
};
