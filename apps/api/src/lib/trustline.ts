import { FiscusError, trustlinesOf, type ChainDriver, type TrustlineState } from '@fiscus/core';
import { deploymentOf, type DeploymentRow } from '@fiscus/ledger';

/**
 * On Stellar only the holder can create its trustline (changeTrust, signed with its own key);
 * the issuer can then authorize it. Authorizing a missing line fails ON CHAIN with op_no_trust
 * after spending a fee and a sequence number, so the API refuses the registration up front with
 * a 409 that says what the investor must do. (If the line disappears between this check and
 * the authorization, the operation fails with NOT_AUTHORIZED_ON_CHAIN / op_no_trust.)
 */
export async function requireTrustline(driver: ChainDriver, row: DeploymentRow, address: string, timeoutMs: number): Promise<void> {
  // Only chains where the holder must opt in to the asset first (capability `trustlines`).
  const trustlines = trustlinesOf(driver);
  const deployment = deploymentOf(row);
  if (!trustlines || !deployment || !row.details) return;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new FiscusError('CHAIN_UNAVAILABLE', `${driver.chain}: no answer within ${timeoutMs} ms while checking the trustline`)),
      timeoutMs,
    );
  });
  let line: TrustlineState;
  try {
    line = await Promise.race([trustlines.trustline(deployment, address), deadline]);
  } catch (e) {
    throw driver.parseError(e);
  } finally {
    clearTimeout(timer);
  }
  if (line.exists) return;
  const asset = `${row.details.assetCode}:${row.details.issuer}`;
  throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `${address} has no trustline to ${asset} on ${driver.chain}`, {
    details: line.account
      ? `The investor must first create a trustline to ${asset} (a changeTrust operation signed with the wallet's own key); register the wallet again afterwards and the issuer will authorize it.`
      : `The account does not exist on ${driver.chain}. The investor must create (fund) it and add a trustline to ${asset}; register the wallet again afterwards.`,
    meta: {
      reason: line.account ? 'TRUSTLINE_MISSING' : 'ACCOUNT_MISSING',
      chain: driver.chain,
      address,
      assetCode: row.details.assetCode,
      issuer: row.details.issuer,
    },
  });
}
