import { Horizon, NotFoundError } from '@stellar/stellar-sdk';

export interface HorizonClientOptions {
  url: string;
  /** Plain http is only for loopback devnets. */
  allowHttp?: boolean;
}

/**
 * The SDK's Horizon.Server, how this driver talks to the network — except the holder listing of a
 * reconciliation, which fetches its pages directly (reads.ts: accountsForAsset).
 */
export function horizonServer(o: HorizonClientOptions): Horizon.Server {
  const allowHttp = o.allowHttp ?? /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(o.url);
  return new Horizon.Server(o.url, { allowHttp });
}

/** A read that answers undefined for 404 (account or transaction not there), throws otherwise. */
export async function orMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof NotFoundError) return undefined;
    throw e;
  }
}
