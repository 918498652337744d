/**
 * Key set-up for operators (`npm run keys -w @fiscus/signers -- <command>`), reading the same
 * variables as the API (FISCUS_PKCS11_LIBRARY, FISCUS_PKCS11_TOKEN or FISCUS_PKCS11_SLOT,
 * FISCUS_PKCS11_PIN, FISCUS_KEYSTORE_PASSPHRASE). Prints public keys and addresses only.
 *
 *   generate <label> <secp256k1|ed25519>   generate a key pair IN the token (sensitive, not extractable)
 *   show <label>                           the public key (and EVM address) of a key in the token
 *   keystore-secp256k1 <file>              encrypt the hex private key read from stdin (Web3 Secret Storage)
 *   keystore-ed25519 <file>                encrypt a new random 32-byte seed (or a 64-hex seed from stdin with --stdin)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { computeAddress, hexlify } from 'ethers';
import type { Signer } from '@fiscus/core';
import { encryptEd25519Keystore } from './keystore/ed25519.ts';
import { encryptSecp256k1Keystore } from './keystore/secp256k1.ts';
import { pkcs11Signer } from './pkcs11/signer.ts';
import { Pkcs11Token } from './pkcs11/token.ts';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

function openToken(): Pkcs11Token {
  const slot = process.env.FISCUS_PKCS11_SLOT;
  return Pkcs11Token.open({
    library: env('FISCUS_PKCS11_LIBRARY'),
    tokenLabel: process.env.FISCUS_PKCS11_TOKEN || undefined,
    slot: slot ? BigInt(slot) : undefined,
    pin: env('FISCUS_PKCS11_PIN'),
  });
}

function describe(label: string, s: Signer): string {
  const pub = hexlify(s.publicKey);
  return s.algorithm === 'secp256k1' ? `${label}: secp256k1 ${pub} address ${computeAddress(pub)}` : `${label}: ed25519 ${pub}`;
}

function refuseOverwrite(file: string): void {
  if (existsSync(file)) throw new Error(`${file} exists; refusing to overwrite a keystore`);
}

async function main(argv: string[]): Promise<void> {
  const [command, arg, curve] = argv;
  switch (command) {
    case 'generate': {
      if (!arg || (curve !== 'secp256k1' && curve !== 'ed25519')) throw new Error('usage: generate <label> <secp256k1|ed25519>');
      const token = openToken();
      try {
        await token.generateKey(arg, curve);
        console.log(describe(arg, await pkcs11Signer(token, arg, curve)));
      } finally {
        await token.close();
      }
      return;
    }
    case 'show': {
      if (!arg) throw new Error('usage: show <label>');
      const token = openToken();
      try {
        const key = await token.findKey(arg);
        if (!key) throw new Error(`no key labelled "${arg}"`);
        console.log(describe(arg, await pkcs11Signer(token, arg, key.algorithm)));
      } finally {
        await token.close();
      }
      return;
    }
    case 'keystore-secp256k1': {
      if (!arg) throw new Error('usage: keystore-secp256k1 <file>  (private key on stdin)');
      refuseOverwrite(arg);
      const key = readFileSync(0, 'utf8').trim();
      const json = await encryptSecp256k1Keystore(key.startsWith('0x') ? key : `0x${key}`, env('FISCUS_KEYSTORE_PASSPHRASE'));
      writeFileSync(arg, json, { mode: 0o600 });
      console.log(`${arg}: secp256k1 address 0x${JSON.parse(json).address}`);
      return;
    }
    case 'keystore-ed25519': {
      if (!arg) throw new Error('usage: keystore-ed25519 <file> [--stdin]');
      refuseOverwrite(arg);
      const seed = curve === '--stdin' ? Buffer.from(readFileSync(0, 'utf8').trim(), 'hex') : randomBytes(32);
      const json = await encryptEd25519Keystore(seed, env('FISCUS_KEYSTORE_PASSPHRASE'));
      writeFileSync(arg, json, { mode: 0o600 });
      console.log(`${arg}: ed25519 ${JSON.parse(json).publicKey}`);
      return;
    }
    default:
      throw new Error('commands: generate <label> <secp256k1|ed25519> | show <label> | keystore-secp256k1 <file> | keystore-ed25519 <file> [--stdin]');
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error((e as Error).message);
  process.exitCode = 1;
});
