import { anvilRpc } from '../anvil/rpc.ts';
import { DEPLOYER_ALLOW_LIST, ROLE } from './precompiles.ts';
import { readRole } from './roles.ts';

/**
 * ContractDeployerAllowList for contract creations, which anvil cannot hook. On Subnet-EVM,
 * libevm's create() (core/vm/evm.go) calls CanCreateContract (params/hooks_libevm.go) right AFTER
 * the address-collision check and the caller's nonce increment: an origin without a role gets the
 * creation failed with gas 0. anvil (revm) fails a CREATE onto an address that already has code in
 * exactly that way (nonce consumed, all the frame's gas used, nothing created), so the gate puts a
 * one-byte placeholder at every address a non-deployer's transaction would create, lets anvil mine
 * it, and removes the placeholders once the transaction is mined. Simulations (eth_call /
 * eth_estimateGas) get the placeholders as state overrides instead: no state is touched.
 */

export const PLACEHOLDER_CODE = '0xfe';

interface Frame {
  type?: string;
  from?: string;
  to?: string;
  calls?: Frame[];
}

export interface CallLike {
  from?: string;
  to?: string | null;
  data?: string;
  input?: string;
  value?: string;
  gas?: string;
}

export class CreateGuard {
  readonly #pending = new Map<string, string[]>();

  /** @param exempt creators whose CREATEs are not checked: the NativeMinter stand-in's throw-away payer (a real precompile creates nothing). */
  constructor(
    private readonly upstream: string,
    private readonly enabled: boolean,
    private readonly exempt: Set<string> = new Set(),
  ) {}

  /** True when the deployer list is configured and `origin` has no role on it. */
  async refuses(origin: string | undefined): Promise<boolean> {
    if (!this.enabled) return false;
    if (!origin) return true; // eth_call without `from`: the zero address, never a deployer
    return (await readRole(this.upstream, DEPLOYER_ALLOW_LIST, origin)) === ROLE.None;
  }

  /** Addresses a call would CREATE / CREATE2 into, from anvil's callTracer. Empty if the trace fails. */
  async creations(call: CallLike, block: unknown = 'latest', overrides?: Record<string, unknown>): Promise<string[]> {
    const { from, to, data, input, value, gas } = call;
    let root: Frame;
    try {
      root = await anvilRpc<Frame>(this.upstream, 'debug_traceCall', [
        { from, to, input: input ?? data, value, gas },
        block,
        { tracer: 'callTracer', ...(overrides ? { stateOverrides: overrides } : {}) },
      ]);
    } catch {
      return [];
    }
    const out: string[] = [];
    const walk = (f: Frame) => {
      if ((f.type === 'CREATE' || f.type === 'CREATE2') && f.to && !this.exempt.has(String(f.from).toLowerCase())) out.push(f.to.toLowerCase());
      for (const c of f.calls ?? []) walk(c);
    };
    for (const c of root.calls ?? []) walk(c);
    return out;
  }

  /** State overrides that make those creations fail in a simulation (merged with the caller's own). */
  overrides(addresses: string[], mine?: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
    const out = { ...(mine ?? {}) };
    for (const a of addresses) out[a] = { ...(out[a] ?? {}), code: PLACEHOLDER_CODE };
    return out;
  }

  /** Installs placeholders for a transaction about to be sent (only on empty, never-used addresses). */
  async place(txHash: string, addresses: string[]): Promise<void> {
    const placed: string[] = [];
    for (const a of addresses) {
      const [code, nonce] = await Promise.all([
        anvilRpc<string>(this.upstream, 'eth_getCode', [a, 'latest']),
        anvilRpc<string>(this.upstream, 'eth_getTransactionCount', [a, 'latest']),
      ]);
      if (code !== '0x' || BigInt(nonce) !== 0n) continue; // a real collision: the chain fails it anyway
      await anvilRpc(this.upstream, 'anvil_setCode', [a, PLACEHOLDER_CODE]);
      placed.push(a);
    }
    if (placed.length) this.#pending.set(txHash, placed);
  }

  /** Removes the placeholders of every transaction that is mined, or that anvil did not take (`refused`). */
  async sweep(refused?: string): Promise<void> {
    for (const [hash, addresses] of [...this.#pending]) {
      const done = hash === refused || (await anvilRpc(this.upstream, 'eth_getTransactionReceipt', [hash])) !== null;
      if (!done) continue;
      this.#pending.delete(hash);
      for (const a of addresses) await anvilRpc(this.upstream, 'anvil_setCode', [a, '0x']);
    }
  }

  get pending(): number {
    return this.#pending.size;
  }
}
