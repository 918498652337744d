/** The shapes the console reads (a subset of /openapi.json). Units and USD stay decimal strings. */

export interface Session {
  keyId: string;
  role: string;
  investorId: string | null;
  permissions: string[];
}
export interface Fund {
  id: string;
  name: string;
  symbol: string;
  decimals: number;
  mintApprovalThreshold?: string | null;
}
export interface ChainInfo {
  chain: string;
  namespace: string;
  finality: string;
  explorerTxUrl: string | null;
  capabilities: Record<string, boolean | number>;
  endpoint?: { kind: string; url: string; pchainUrl: string | null; local: boolean } | null;
  health?: { status: 'up' | 'down' | 'unknown'; height: string | null; error: string | null };
  pausedFunds?: string[];
}
export interface Reconciliation {
  id: string;
  chain: string;
  status?: string;
  state?: string;
  createdAt?: string;
  [k: string]: unknown;
}
export interface ChainSupply {
  chain: string;
  deploymentStatus: string | null;
  mintsBlocked: boolean;
  blockedReason: string | null;
  ledgerSupply: string;
  chainSupply: string | null;
  chainError: string | null;
  inSync: boolean | null;
  lastReconciliation: Reconciliation | null;
}
export interface Supply {
  fundId: string;
  decimals: number;
  unitsOutstanding: string;
  transit: string;
  invariantHolds: boolean;
  chains: ChainSupply[];
}
export interface OperationEvent {
  from: string | null;
  to: string;
  at: string;
  detail: Record<string, unknown> | null;
}
export interface Operation {
  id: string;
  fundId: string;
  chain: string;
  kind: string;
  state: string;
  body: Record<string, unknown>;
  requiresApproval: boolean;
  requestedBy: string | null;
  approvedBy: string | null;
  txHash: string | null;
  explorerUrl: string | null;
  block: string | null;
  attempts: number;
  lastError: { code: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
  history?: OperationEvent[];
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface CapTableEntry {
  investorId: string;
  legalName: string;
  total: string;
  wallets: { walletId: string; chain: string; address: string; units: string; frozenUnits: string; status: string }[];
}
export interface HolderCounts {
  holders: number;
  perChain: { chain: string; holders: number; wallets: number; units: string }[];
}
export interface Investor {
  id: string;
  legalName: string;
  jurisdiction: string;
  investorType: string;
  kycStatus: string;
  kycExpiresAt: string | null;
  createdAt: string;
}
export interface Wallet {
  id: string;
  investorId: string;
  chain: string;
  address: string;
  createdAt: string;
}
export interface MoveLeg {
  leg: string;
  operationId: string;
  chain: string;
  address: string | null;
  state: string;
  txHash: string | null;
  explorerUrl: string | null;
}
export interface Move {
  id: string;
  investorId: string;
  from: { chain: string; wallet: string };
  to: { chain: string; wallet: string };
  units: string;
  state: string;
  error: { code: string; message: string } | null;
  legs: MoveLeg[];
  createdAt: string;
  completedAt: string | null;
}
export interface NavPublication {
  id: string;
  round: string;
  nav: string;
  publishedAt: string;
}
export interface NavState {
  current: NavPublication | null;
  history: NavPublication[];
}
export interface Attestation {
  id: string;
  hash: string;
  signature: string;
  keyId: string;
  ok: boolean;
  body: Record<string, unknown>;
  createdAt: string;
}
export interface AuditEntry {
  seq: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  hash: string;
  prevHash: string;
}
export interface Halt {
  id?: string;
  reason?: string;
  chain?: string | null;
  clearedAt: string | null;
  [k: string]: unknown;
}
