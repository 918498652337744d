import { ZeroAddress, zeroPadValue, type JsonRpcProvider } from 'ethers';
import { FiscusError, type Deployment, type FundSpec, type Policy, type Signer } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { kycClaimTopic } from '../kyc/claim.ts';
import { readContract } from '../rpc/read.ts';
import type { AdminSender } from './admin-tx.ts';
import type { EvmInfrastructure } from './infrastructure.ts';
import { ensureRedemptionWallet } from './redemption.ts';
import { moduleSetterCalls, moduleSettings } from './policy.ts';

export const fundSalt = (fundId: string) => `fiscus:${fundId}`;

/** A T-REX suite: token details and compliance modules, each with an optional setter call. */
export interface SuiteSpec {
  salt: string;
  name: string;
  symbol: string;
  decimals: number;
  modules: { address: string; setting?: string }[];
}

/**
 * One T-REX suite per fund (token, IdentityRegistry + storage, claim topics, trusted issuers,
 * ModularCompliance with our modules configured from the policy) in a single deployTREXSuite
 * transaction, then unpaused. Idempotent: the factory remembers the token per salt, so a
 * repeated or crashed-and-resumed call finds the existing suite and only finishes what is left.
 */
export async function deployFundSuite(
  admin: AdminSender,
  infra: EvmInfrastructure,
  fund: FundSpec,
  roles: { operator: string; redemption: { wallet: string; claimSigner: Signer } },
): Promise<Deployment['details']> {
  const calls = moduleSetterCalls(moduleSettings(fund.policy));
  const m = infra.modules;
  // HoldingsModule binds only at supply 0, so every module is attached now, configured or not.
  const modules = [
    { address: m.jurisdiction, setting: calls.jurisdiction },
    { address: m.holdings, setting: calls.holdings },
    { address: m.lockup, setting: calls.lockup },
  ];
  const details = await ensureTrexSuite(
    admin,
    infra,
    { salt: fundSalt(fund.id), name: fund.name, symbol: fund.symbol, decimals: fund.decimals, modules },
    roles,
  );
  return { ...details, ...(await ensureRedemptionWallet(admin, infra, details, roles.redemption)) };
}

/** Deploys (or finds) a suite with any modules; the bench uses it for T-REX's own modules too. */
export async function ensureTrexSuite(
  admin: AdminSender,
  infra: EvmInfrastructure,
  spec: SuiteSpec,
  roles: { operator: string },
): Promise<Deployment['details']> {
  const provider = admin.provider;
  const topic = kycClaimTopic(admin.chainId);
  const getToken = () => readContract<string>(provider, abi.trexFactory, infra.trexFactory, 'getToken', [spec.salt]);
  let token = await getToken();
  if (token === ZeroAddress) {
    // deployTREXSuite pairs settings[i] with modules[i]: modules that have a setting come first.
    const ordered = [...spec.modules.filter((x) => x.setting), ...spec.modules.filter((x) => !x.setting)];
    // With a gate, no platform key is an agent itself: the gate forwards each key's calls per role
    // (the admin stays one: as the token's owner it could add itself anyway, and it unpauses below).
    const agents = [infra.agentGate ?? roles.operator, infra.onboarder, admin.address];
    const data = abi.trexFactory.encodeFunctionData('deployTREXSuite', [
      spec.salt,
      {
        owner: admin.address,
        name: spec.name,
        symbol: spec.symbol,
        decimals: spec.decimals,
        irs: ZeroAddress,
        ONCHAINID: ZeroAddress,
        irAgents: agents,
        tokenAgents: agents,
        complianceModules: ordered.map((x) => x.address),
        complianceSettings: ordered.flatMap((x) => (x.setting ? [x.setting] : [])),
      },
      { claimTopics: [topic], issuers: [infra.claimIssuer], issuerClaims: [[topic]] },
    ]);
    try {
      await admin.call(infra.trexFactory, data);
    } catch (e) {
      // Another process may have deployed the same salt meanwhile: that is success, not failure.
      if ((await getToken()) === ZeroAddress) throw e;
    }
    token = await getToken();
  }
  const deployBlock = await deployBlockOf(provider, infra.trexFactory, token);
  // T-REX tokens start paused. Unpause only if the token was NEVER unpaused: a token paused
  // later by compliance must stay paused when deploy() is called again.
  if ((await readContract<boolean>(provider, abi.token, token, 'paused')) && !(await everUnpaused(provider, token, deployBlock))) {
    await admin.call(token, abi.token.encodeFunctionData('unpause'));
  }
  return {
    token,
    identityRegistry: await readContract<string>(provider, abi.token, token, 'identityRegistry'),
    compliance: await readContract<string>(provider, abi.token, token, 'compliance'),
    onboarder: infra.onboarder,
    claimIssuer: infra.claimIssuer,
    claimTopic: topic.toString(),
    idFactory: infra.idFactory,
    identityAuthority: infra.identityAuthority,
    jurisdictionModule: infra.modules.jurisdiction,
    holdingsModule: infra.modules.holdings,
    lockupModule: infra.modules.lockup,
    deployBlock: deployBlock.toString(),
  };
}

/**
 * Block of the TREXSuiteDeployed event (where holders and events scans start), searched
 * backwards from the head in ranges public RPCs accept: a re-deploy finds a recent suite fast.
 */
async function deployBlockOf(provider: JsonRpcProvider, factory: string, token: string, range = 10_000n): Promise<bigint> {
  const topics = [abi.trexFactory.getEvent('TREXSuiteDeployed')!.topicHash, zeroPadValue(token, 32)];
  for (let to = BigInt(await provider.getBlockNumber()); to >= 0n; to -= range) {
    const from = to - range + 1n > 0n ? to - range + 1n : 0n;
    const logs = await provider.getLogs({ address: factory, fromBlock: from, toBlock: to, topics });
    if (logs[0]) return BigInt(logs[0].blockNumber);
  }
  throw new FiscusError('NOT_FOUND', `no TREXSuiteDeployed event for token ${token}`);
}

async function everUnpaused(provider: JsonRpcProvider, token: string, fromBlock: bigint): Promise<boolean> {
  const logs = await provider.getLogs({ address: token, fromBlock, toBlock: 'latest', topics: [abi.token.getEvent('Unpaused')!.topicHash] });
  return logs.length > 0;
}
