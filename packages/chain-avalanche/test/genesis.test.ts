import { describe, expect, it } from 'vitest';
import { buildSubnetEvmGenesis, genesisBytes, parseSubnetEvmGenesis, DEFAULT_FEE_CONFIG } from '../src/genesis.ts';

const ADMIN = '0x8db97C7cEcE249c2b98bDC0226Cc4C2A57BF52FC';
const MANAGER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const INVESTOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

const base = {
  chainId: 777001,
  txAllowList: { admins: [ADMIN], managers: [MANAGER], enabled: [INVESTOR] },
  contractDeployerAllowList: { admins: [ADMIN] },
  contractNativeMinter: { admins: [ADMIN], managers: [MANAGER] },
  alloc: { [ADMIN]: 10n ** 24n },
};

describe('buildSubnetEvmGenesis', () => {
  it('writes the precompile configs with subnet-evm JSON keys and encodings', () => {
    const g = buildSubnetEvmGenesis(base);
    expect(g.config.chainId).toBe(777001);
    expect(g.config.feeConfig).toEqual(DEFAULT_FEE_CONFIG);
    expect(g.config.txAllowListConfig).toEqual({
      blockTimestamp: 0,
      adminAddresses: [ADMIN.toLowerCase()],
      managerAddresses: [MANAGER.toLowerCase()],
      enabledAddresses: [INVESTOR.toLowerCase()],
    });
    // omitempty lists are absent, blockTimestamp (no omitempty) is present
    expect(g.config.contractDeployerAllowListConfig).toEqual({ blockTimestamp: 0, adminAddresses: [ADMIN.toLowerCase()] });
    expect(g.config.contractNativeMinterConfig.managerAddresses).toEqual([MANAGER.toLowerCase()]);
    // alloc keys are UnprefixedAddress, balances HexOrDecimal256
    expect(g.alloc).toEqual({ [ADMIN.toLowerCase().slice(2)]: { balance: '0xd3c21bcecceda1000000' } });
    expect(g.gasLimit).toBe('0x7a1200');
    expect(g.timestamp).toBe('0x0');
  });

  it('applies fee overrides and keeps the block gas limit equal to feeConfig.gasLimit', () => {
    const g = buildSubnetEvmGenesis({ ...base, feeConfig: { gasLimit: 30_000_000, minBaseFee: 1 } });
    expect(g.config.feeConfig.gasLimit).toBe(30_000_000);
    expect(g.config.feeConfig.minBaseFee).toBe(1);
    expect(g.config.feeConfig.targetBlockRate).toBe(2);
    expect(BigInt(g.gasLimit)).toBe(30_000_000n);
  });

  it('is deterministic and round-trips through the CreateChainTx bytes', () => {
    const a = genesisBytes(buildSubnetEvmGenesis(base));
    const b = genesisBytes(buildSubnetEvmGenesis(base));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(parseSubnetEvmGenesis(a)).toEqual(buildSubnetEvmGenesis(base));
  });

  it('encodes initialMint amounts as hex', () => {
    const g = buildSubnetEvmGenesis({ ...base, contractNativeMinter: { admins: [ADMIN], initialMint: { [INVESTOR]: 255n } } });
    expect(g.config.contractNativeMinterConfig.initialMint).toEqual({ [INVESTOR.toLowerCase()]: '0xff' });
  });

  it('rejects what subnet-evm Verify rejects, and lists without admin', () => {
    expect(() => buildSubnetEvmGenesis({ ...base, txAllowList: { admins: [] } })).toThrow(/at least one admin/);
    expect(() => buildSubnetEvmGenesis({ ...base, txAllowList: { admins: [ADMIN], enabled: [ADMIN] } })).toThrow(/both enabled and admin/);
    expect(() => buildSubnetEvmGenesis({ ...base, txAllowList: { admins: [ADMIN, ADMIN] } })).toThrow(/duplicate address in admin list/);
    expect(() => buildSubnetEvmGenesis({ ...base, txAllowList: { admins: [ADMIN], managers: [ADMIN] } })).toThrow(/both admin and manager/);
    expect(() => buildSubnetEvmGenesis({ ...base, txAllowList: { admins: ['0x123'] } })).toThrow(/not an EVM address/);
    expect(() => buildSubnetEvmGenesis({ ...base, chainId: 0 })).toThrow(/invalid chain id/);
  });
});
