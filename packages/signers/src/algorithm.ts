import type { Signer } from '@fiscus/core';

/** The two curves Fiscus signs with: secp256k1 (EVM chains, P-Chain) and Ed25519 (Stellar). */
export type KeyAlgorithm = Signer['algorithm'];
