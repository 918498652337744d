import { createContext, useContext } from 'react';
import type { ChainInfo, Fund, Session } from './types.ts';

export interface ConsoleContext {
  session: Session;
  can: (permission: string) => boolean;
  fund: Fund | undefined;
  funds: Fund[];
  chains: ChainInfo[];
  reloadFunds: () => void;
}

export const Ctx = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('useConsole outside the signed-in shell');
  return c;
}

/** Link to a transaction: the operation's own explorer URL, else the chain's template. */
export function txLink(chains: ChainInfo[], chain: string, hash: string | null, explorerUrl?: string | null): string | null {
  if (!hash) return null;
  if (explorerUrl) return explorerUrl;
  const t = chains.find((c) => c.chain === chain)?.explorerTxUrl;
  return t ? t.replace('{txHash}', hash) : null;
}
