import { bls, pvmSerial } from '@avalabs/avalanchejs';
import { cb58, sha256 } from './wire.ts';

/**
 * A deterministic validator identity for devnets and tests ONLY: node id and BLS key + proof of
 * possession derived from a seed string. A real node reports these through info.getNodeID
 * (nodeID, nodePOP); the conversion only carries them.
 */

// Compressed generator of BLS12-381 G1 (the curve's standard base point).
const G1 = '97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb';

export interface DevValidator {
  nodeId: string;
  blsPublicKey: string;
  proofOfPossession: string;
}

export function devValidator(seed: string): DevValidator {
  const skBytes = sha256(new TextEncoder().encode(`fiscus-dev-bls:${seed}`));
  const sk = bls.secretKeyFromBytes(skBytes);
  const pk = bls.publicKeyFromBytes(G1).multiply(sk).toRawBytes(true);
  const pop = bls.signProofOfPossession(pk, sk);
  new pvmSerial.ProofOfPossession(pk, pop); // throws if the pair does not verify
  const nodeId = sha256(new TextEncoder().encode(`fiscus-dev-node:${seed}`)).slice(0, 20);
  return { nodeId: `NodeID-${cb58(nodeId)}`, blsPublicKey: Buffer.from(pk).toString('hex'), proofOfPossession: Buffer.from(pop).toString('hex') };
}
