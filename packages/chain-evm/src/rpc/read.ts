import type { Interface, JsonRpcProvider, Result } from 'ethers';

/** One eth_call decoded with `iface`; returns the first output (or the whole Result for tuples). */
export async function readContract<T = unknown>(
  provider: JsonRpcProvider,
  iface: Interface,
  to: string,
  fn: string,
  args: unknown[] = [],
  blockTag: string | bigint = 'latest',
): Promise<T> {
  const data = iface.encodeFunctionData(fn, args);
  const out: Result = iface.decodeFunctionResult(fn, await provider.call({ to, data, blockTag }));
  return (out.length === 1 ? out[0] : out) as T;
}
