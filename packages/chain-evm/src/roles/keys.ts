import type { JsonRpcProvider } from 'ethers';
import { FiscusError, KEY_ROLES, type KeyRole, type Signer } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { readContract } from '../rpc/read.ts';
import { signerAddress } from '../signer/ethereum.ts';
import { GATE_ROLE_IDS } from './gate.ts';

/**
 * The keys this process can sign with, per gate role, and which one signs now. A role may list
 * several keys while it is being rotated (the new key configured next to the old one): the one
 * that signs is the first that holds the role on chain, so after a rotateKey lands every worker
 * moves to the new key by itself, with no restart and no shared state besides the chain.
 */
export class RoleKeys {
  readonly #byAddress = new Map<string, Signer>();
  readonly #candidates: Record<KeyRole, string[]>;
  readonly #active: Record<KeyRole, string>;

  constructor(
    readonly provider: JsonRpcProvider,
    readonly gate: string,
    keys: Partial<Record<KeyRole, Signer[]>>,
    fallback: Signer,
  ) {
    const entries = KEY_ROLES.map((role) => {
      const list = keys[role]?.length ? keys[role]! : [fallback];
      return [role, list.map((s) => this.#add(s))] as const;
    });
    this.#candidates = Object.fromEntries(entries) as Record<KeyRole, string[]>;
    this.#active = Object.fromEntries(entries.map(([role, list]) => [role, list[0]!])) as Record<KeyRole, string>;
  }

  #add(s: Signer): string {
    const address = signerAddress(s);
    this.#byAddress.set(address, s);
    return address;
  }

  add(s: Signer): string {
    return this.#add(s);
  }

  /** The address signing `role` operations now (as last seen on chain). */
  active(role: KeyRole): string {
    return this.#active[role];
  }

  signer(address: string): Signer | undefined {
    return this.#byAddress.get(address);
  }

  candidates(role: KeyRole): readonly string[] {
    return this.#candidates[role];
  }

  holds(role: KeyRole, address: string): Promise<boolean> {
    return readContract<boolean>(this.provider, abi.agentGate, this.gate, 'hasRole', [GATE_ROLE_IDS[role], address]);
  }

  /**
   * Before signing as `address` for `role`: with a single key nothing is read (the chain refuses
   * it if it lost the role). With several, the chain says which holds the role; if it is not
   * `address` (a rotation landed), the active key moves and the engine must allocate a sequence
   * for the new one: a retryable CONFLICT before anything is signed.
   */
  async confirm(role: KeyRole, address: string): Promise<void> {
    if (this.#candidates[role].length < 2) return;
    if (await this.holds(role, address)) return;
    for (const candidate of this.#candidates[role]) {
      if (await this.holds(role, candidate)) {
        this.#active[role] = candidate;
        throw new FiscusError('CONFLICT', `the ${role} key changed on chain: ${address} → ${candidate}; signing again with the new key`, {
          meta: { role, from: address, to: candidate },
        });
      }
    }
    throw new FiscusError('CHAIN_NOT_CONFIGURED', `none of the configured ${role} keys holds the ${role} role on the gate ${this.gate}`, {
      meta: { role, candidates: this.#candidates[role] },
    });
  }
}
