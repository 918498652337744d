import { ZeroHash, getAddress, zeroPadValue, type JsonRpcProvider } from 'ethers';
import { FiscusError } from '@fiscus/core';
import { readContract } from '@fiscus/chain-evm';
import { allowListAbi } from './contracts.ts';
import { PRECOMPILES } from './genesis.ts';

/** subnet-evm precompile/allowlist/role.go */
export const ROLE = { None: 0n, Enabled: 1n, Admin: 2n, Manager: 3n } as const;
export type RoleName = keyof typeof ROLE;
export type AllowListName = keyof typeof PRECOMPILES;
export const ALLOW_LISTS = Object.keys(PRECOMPILES) as AllowListName[];

export function roleName(r: bigint): RoleName {
  const n = (Object.keys(ROLE) as RoleName[]).find((k) => ROLE[k] === r);
  if (!n) throw new FiscusError('INTERNAL', `unknown allow-list role ${r}`);
  return n;
}

export const readRole = (provider: JsonRpcProvider, list: AllowListName, address: string) =>
  readContract<bigint>(provider, allowListAbi, PRECOMPILES[list], 'readAllowList', [address]);

/**
 * Current admins of a list. The precompile keeps no index, but an address can only become Admin
 * through the genesis or a RoleSet(role = Admin) log, so those are the candidates; each one's
 * role is then read now (a later demotion shows there).
 */
export async function listAdmins(provider: JsonRpcProvider, list: AllowListName, genesisAdmins: string[]): Promise<string[]> {
  const topic = allowListAbi.getEvent('RoleSet')!.topicHash;
  const logs = await provider.getLogs({ address: PRECOMPILES[list], fromBlock: 0, toBlock: 'latest', topics: [topic, zeroPadValue('0x02', 32)] });
  const candidates = new Set(genesisAdmins.map((a) => getAddress(a)));
  for (const l of logs) if (l.topics[2] && l.topics[2] !== ZeroHash) candidates.add(getAddress(`0x${l.topics[2].slice(26)}`));
  const admins: string[] = [];
  for (const a of candidates) if ((await readRole(provider, list, a)) === ROLE.Admin) admins.push(a);
  return admins;
}

/**
 * Refuses a role change that would leave a list without any admin: subnet-evm lets an admin demote
 * the last admin (itself included), and the list then cannot change until a network upgrade.
 */
export async function assertKeepsAnAdmin(
  provider: JsonRpcProvider,
  list: AllowListName,
  address: string,
  role: RoleName,
  genesisAdmins: string[],
): Promise<void> {
  if (role === 'Admin') return;
  if ((await readRole(provider, list, address)) !== ROLE.Admin) return;
  const others = (await listAdmins(provider, list, genesisAdmins)).filter((a) => a !== getAddress(address));
  if (others.length === 0) {
    throw new FiscusError('CONFLICT', `refusing to remove the last admin of ${list}`, {
      details: `${getAddress(address)} is the only Admin of ${list} (${PRECOMPILES[list]}); setting it to ${role} would freeze the list until a network upgrade. Grant Admin to another address first.`,
      meta: { list, address: getAddress(address), role },
    });
  }
}
