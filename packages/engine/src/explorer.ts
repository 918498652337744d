/** Block explorer links for well-known networks; local chains have none. */
const EXPLORERS: Record<string, (hash: string) => string> = {
  'eip155:1': (h) => `https://etherscan.io/tx/${h}`,
  'eip155:11155111': (h) => `https://sepolia.etherscan.io/tx/${h}`,
  'eip155:43114': (h) => `https://snowtrace.io/tx/${h}`,
  'eip155:43113': (h) => `https://testnet.snowtrace.io/tx/${h}`,
  'stellar:pubnet': (h) => `https://stellar.expert/explorer/public/tx/${h}`,
  'stellar:testnet': (h) => `https://stellar.expert/explorer/testnet/tx/${h}`,
};

export function explorerUrl(chain: string, txHash: string): string | undefined {
  return EXPLORERS[chain]?.(txHash);
}
