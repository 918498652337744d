/**
 * Stellar amounts are int64 stroops (1e-7). Horizon shows them as decimal strings with exactly
 * seven fraction digits; the SDK hands operations to us in the same form. Never via float.
 */
export const STROOPS_PER_LUMEN = 10_000_000n;

const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,7}))?$/;

export function parseAmount(text: string): bigint {
  const m = AMOUNT.exec(text);
  if (!m) throw new Error(`not a Stellar amount: ${text}`);
  const v = BigInt(m[2]!) * STROOPS_PER_LUMEN + BigInt((m[3] ?? '').padEnd(7, '0'));
  return m[1] ? -v : v;
}

export function formatAmount(stroops: bigint): string {
  const neg = stroops < 0n;
  const a = neg ? -stroops : stroops;
  return `${neg ? '-' : ''}${a / STROOPS_PER_LUMEN}.${(a % STROOPS_PER_LUMEN).toString().padStart(7, '0')}`;
}
