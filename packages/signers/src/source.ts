import { readFile } from 'node:fs/promises';
import type { Signer } from '@fiscus/core';
import type { KeyAlgorithm } from './algorithm.ts';
import { decryptEd25519Keystore, openEd25519Keystore } from './keystore/ed25519.ts';
import { openSecp256k1Keystore } from './keystore/secp256k1.ts';
import { pkcs11Ed25519Keyring } from './keyring.ts';
import { pkcs11Signer } from './pkcs11/signer.ts';
import { Pkcs11Token, type Pkcs11Options } from './pkcs11/token.ts';
import type { SignerSpec } from './spec.ts';

export interface SignerSourceOptions {
  /** The token every `pkcs11:` spec refers to; opened on first use. */
  pkcs11?: Pkcs11Options;
  /** Unlocks every `keystore:` file. */
  keystorePassphrase?: string;
  /** Names of the settings, for messages (e.g. `FISCUS_PKCS11_LIBRARY`). */
  names?: { pkcs11?: string; passphrase?: string };
}

/**
 * Turns signer specs into Signers: one PKCS#11 session for all `pkcs11:` keys, keystore files
 * read and unlocked on demand. Close it on shutdown (ends the token session).
 */
export class SignerSource {
  #token?: Pkcs11Token;

  constructor(private readonly o: SignerSourceOptions) {}

  token(): Pkcs11Token {
    if (!this.o.pkcs11) throw new Error(`a pkcs11: signer needs the token configured (${this.o.names?.pkcs11 ?? 'pkcs11 options'})`);
    this.#token ??= Pkcs11Token.open(this.o.pkcs11);
    return this.#token;
  }

  async signer(spec: SignerSpec, algorithm: KeyAlgorithm): Promise<Signer> {
    if (spec.kind === 'pkcs11') return pkcs11Signer(this.token(), spec.label, algorithm);
    const json = await readFile(spec.path, 'utf8');
    const pass = this.#passphrase();
    return algorithm === 'secp256k1' ? openSecp256k1Keystore(json, pass) : openEd25519Keystore(json, pass);
  }

  /** A 32-byte seed kept in a keystore (e.g. the Stellar keyring's master seed). */
  async seed(path: string): Promise<Uint8Array> {
    return decryptEd25519Keystore(await readFile(path, 'utf8'), this.#passphrase());
  }

  /** Per-fund Ed25519 keys generated in the token under `prefix`. */
  ed25519Keyring(prefix: string) {
    return pkcs11Ed25519Keyring(this.token(), prefix);
  }

  async close(): Promise<void> {
    await this.#token?.close();
    this.#token = undefined;
  }

  #passphrase(): string {
    if (this.o.keystorePassphrase === undefined)
      throw new Error(`a keystore: signer needs its passphrase (${this.o.names?.passphrase ?? 'keystorePassphrase'})`);
    return this.o.keystorePassphrase;
  }
}
