export { canonicalJson, type Canonical } from './canonical.ts';
export { attestationKeyFromSeed, generateAttestationKey, loadOrCreateAttestationKey, verifyAttestation, type AttestationKey } from './key.ts';
export { ATTESTATION_VERSION, buildAttestation, createAttestation, type CreatedAttestation } from './create.ts';
