import type { StellarDeployment } from './deployment.ts';

/** What SEP-1 says about the issuer and its regulated asset (the API serves the result). */
export interface StellarTomlInput {
  networkPassphrase: string;
  horizonUrl?: string;
  organization: { name: string; url: string; officialEmail?: string; physicalAddress?: string };
  assets: { deployment: StellarDeployment; name: string; description: string; attestationUrl?: string; approvalServer?: string; approvalCriteria?: string }[];
}

/** TOML basic strings: escape backslash, quote and control characters. */
const str = (v: string) =>
  `"${v.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;

/**
 * /.well-known/stellar.toml (SEP-1) for the issuer's home domain. `regulated = true` with an
 * approval server is SEP-8; without one, wallets still learn that trustlines need authorization.
 * Display decimals = the fund's decimals, so wallets show exactly the units the fund issues.
 */
export function stellarToml(input: StellarTomlInput): string {
  const lines = [
    'VERSION = "2.7.0"',
    `NETWORK_PASSPHRASE = ${str(input.networkPassphrase)}`,
    ...(input.horizonUrl ? [`HORIZON_URL = ${str(input.horizonUrl)}`] : []),
    `ACCOUNTS = [${input.assets
      .flatMap((a) => [a.deployment.issuer, a.deployment.distribution])
      .filter(Boolean)
      .map(str)
      .join(', ')}]`,
    '',
    '[DOCUMENTATION]',
    `ORG_NAME = ${str(input.organization.name)}`,
    `ORG_URL = ${str(input.organization.url)}`,
    ...(input.organization.officialEmail ? [`ORG_OFFICIAL_EMAIL = ${str(input.organization.officialEmail)}`] : []),
    ...(input.organization.physicalAddress ? [`ORG_PHYSICAL_ADDRESS = ${str(input.organization.physicalAddress)}`] : []),
  ];
  for (const a of input.assets) {
    lines.push(
      '',
      '[[CURRENCIES]]',
      `code = ${str(a.deployment.assetCode)}`,
      `issuer = ${str(a.deployment.issuer)}`,
      `display_decimals = ${a.deployment.decimals}`,
      `name = ${str(a.name)}`,
      `desc = ${str(a.description)}`,
      'is_asset_anchored = true',
      'anchor_asset_type = "bond"',
      'regulated = true',
      ...(a.approvalServer ? [`approval_server = ${str(a.approvalServer)}`] : []),
      ...(a.approvalCriteria ? [`approval_criteria = ${str(a.approvalCriteria)}`] : []),
      ...(a.attestationUrl ? [`attestation_of_reserve = ${str(a.attestationUrl)}`] : []),
    );
  }
  return `${lines.join('\n')}\n`;
}
