/**
 * A key the platform signs with. Drivers receive Signers and never see key material, so a
 * local keystore today and a KMS/HSM later are interchangeable.
 */
export interface Signer {
  /** Stable key id (for logs and the signer_sequences table); never the secret. */
  readonly keyId: string;
  readonly algorithm: 'secp256k1' | 'ed25519';
  /** Raw public key bytes (ed25519: 32 bytes; secp256k1: 33-byte compressed or 65-byte uncompressed). */
  readonly publicKey: Uint8Array;
  /**
   * Signs a payload. ed25519 signs the message itself; secp256k1 signs a 32-byte digest and
   * returns 65 bytes r ‖ s ‖ v (v = recovery id 0/1).
   */
  sign(payload: Uint8Array): Promise<Uint8Array>;
}
