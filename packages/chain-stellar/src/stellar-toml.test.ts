import { describe, expect, it } from 'vitest';
import { stellarToml } from './stellar-toml.ts';

describe('stellarToml (SEP-1)', () => {
  it('lists the issuer, the regulated asset and the organisation, escaping strings', () => {
    const toml = stellarToml({
      networkPassphrase: 'Test SDF Network ; September 2015',
      organization: { name: 'Fiscus "Treasury" Ltd', url: 'https://fund.example.com' },
      assets: [
        {
          deployment: { fundId: 'f', assetCode: 'TTF', issuer: 'GISSUER', distribution: 'GDIST', decimals: 6, homeDomain: 'fund.example.com' },
          name: 'Treasury Fund',
          description: 'Short T-bills',
          attestationUrl: 'https://fund.example.com/attestations',
        },
      ],
    });
    expect(toml).toContain('NETWORK_PASSPHRASE = "Test SDF Network ; September 2015"');
    expect(toml).toContain('ACCOUNTS = ["GISSUER", "GDIST"]');
    expect(toml).toContain('ORG_NAME = "Fiscus \\"Treasury\\" Ltd"');
    expect(toml).toMatch(/\[\[CURRENCIES\]\]\ncode = "TTF"\nissuer = "GISSUER"\ndisplay_decimals = 6/);
    expect(toml).toContain('regulated = true');
    expect(toml).toContain('attestation_of_reserve = "https://fund.example.com/attestations"');
  });
});
