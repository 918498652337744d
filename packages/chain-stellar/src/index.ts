export { StellarDriver, type StellarDriverOptions } from './driver.ts';
export { localStellarKeyring, keypairSigner, accountIdOf, type StellarKeyring, type StellarRole } from './keys.ts';
export type { Funding } from './network.ts';
export { fromDeployment, type StellarDeployment } from './deployment.ts';
export { parseStellarError } from './errors.ts';
export { decodeResultCodes } from './result-codes.ts';
export { stellarToml, type StellarTomlInput } from './stellar-toml.ts';
export type { TrustlineState } from './reads.ts';
