import { FiscusError } from './errors.ts';

/** CAIP-2 chain id: `namespace:reference`, e.g. `eip155:1`, `stellar:testnet`. */
export type ChainId = `${string}:${string}`;

export type ChainFamily = 'eip155' | 'stellar' | 'memory';

const CAIP2 = /^([-a-z0-9]{3,8}):([-_a-zA-Z0-9]{1,32})$/;

export function parseChainId(value: string): { id: ChainId; namespace: string; reference: string } {
  const m = CAIP2.exec(value);
  if (!m) {
    throw new FiscusError('INVALID_CHAIN', `"${value}" is not a CAIP-2 chain id`, {
      details: 'Expected namespace:reference, e.g. eip155:1 or stellar:testnet.',
    });
  }
  return { id: value as ChainId, namespace: m[1]!, reference: m[2]! };
}

export function chainFamily(chain: ChainId): ChainFamily | undefined {
  const ns = chain.slice(0, chain.indexOf(':'));
  return ns === 'eip155' || ns === 'stellar' || ns === 'memory' ? ns : undefined;
}
