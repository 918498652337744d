import { Horizon, Keypair, Operation, StrKey, TransactionBuilder } from '@stellar/stellar-sdk';
import { JsonRpcProvider, Wallet, getBytes, hexlify, randomBytes, recoverAddress, Signature } from 'ethers';
import pkcs11js from 'pkcs11js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForReceipt, signTransaction, signerAddress } from '@fiscus/chain-evm';
import { accountIdOf } from '@fiscus/chain-stellar';
import { startAnvil, startLocalHorizon } from '@fiscus/devnet';
import { Pkcs11Token, pkcs11Ed25519Keyring, pkcs11Signer } from '../src/index.ts';
import { tempToken, type TempToken } from './support/softhsm.ts';

const HALF_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n >> 1n;
const CKR_ATTRIBUTE_SENSITIVE = 0x11;

describe('PKCS#11 signer on SoftHSM2', () => {
  let hsm: TempToken;
  let token: Pkcs11Token;

  beforeAll(() => {
    hsm = tempToken();
    token = Pkcs11Token.open(hsm.options);
  });
  afterAll(async () => {
    await token?.close();
    hsm?.remove();
  });

  describe('secp256k1 (EVM, P-Chain)', () => {
    it('signs digests that recover to the key’s address, always low-s (EIP-2)', async () => {
      const signer = await pkcs11Signer(token, 'evm-operator', 'secp256k1', { create: true });
      expect(signer.algorithm).toBe('secp256k1');
      expect(signer.publicKey).toHaveLength(65);
      const address = signerAddress(signer);
      // The HSM returns either s; about half of 64 raw signatures would be high-s without normalization.
      const sigs = await Promise.all(
        Array.from({ length: 64 }, async () => {
          const digest = randomBytes(32);
          return { digest, sig: await signer.sign(digest) };
        }),
      );
      for (const { digest, sig } of sigs) {
        expect(sig).toHaveLength(65);
        expect([0, 1]).toContain(sig[64]);
        expect(BigInt(hexlify(sig.subarray(32, 64))) <= HALF_N).toBe(true);
        const s = Signature.from({ r: hexlify(sig.subarray(0, 32)), s: hexlify(sig.subarray(32, 64)), v: 27 + sig[64]! });
        expect(recoverAddress(digest, s)).toBe(address);
      }
      expect(new Set(sigs.map(({ sig }) => sig[64])).size).toBe(2); // both recovery ids occur: v is derived, not assumed
    });

    it('signs an EIP-1559 transaction that lands on anvil', async () => {
      const signer = await pkcs11Signer(token, 'evm-operator', 'secp256k1');
      const anvil = await startAnvil({ chainId: 31337 });
      const provider = new JsonRpcProvider(anvil.url, 31337, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
      try {
        const from = signerAddress(signer);
        await anvil.cheats.setBalance(from, 10n ** 18n);
        const to = Wallet.createRandom().address;
        const { raw, hash } = await signTransaction(signer, {
          type: 2,
          chainId: 31337n,
          nonce: 0,
          to,
          value: 12345n,
          gasLimit: 21_000n,
          maxFeePerGas: 10n ** 10n,
          maxPriorityFeePerGas: 10n ** 9n,
        });
        expect(await provider.send('eth_sendRawTransaction', [raw])).toBe(hash);
        const receipt = await waitForReceipt(provider, hash);
        expect(receipt?.status).toBe(1);
        expect(receipt?.from).toBe(from);
        expect(await provider.getBalance(to)).toBe(12345n);
      } finally {
        provider.destroy();
        await anvil.stop();
      }
    });
  });

  describe('Ed25519 (Stellar)', () => {
    it('signs messages that verify with the Stellar SDK’s Keypair', async () => {
      const signer = await pkcs11Signer(token, 'stellar-fee', 'ed25519', { create: true });
      expect(signer.algorithm).toBe('ed25519');
      expect(signer.publicKey).toHaveLength(32);
      const kp = Keypair.fromPublicKey(StrKey.encodeEd25519PublicKey(Buffer.from(signer.publicKey)));
      await expect(signer.sign(new Uint8Array(0))).rejects.toThrow(/empty message/);
      for (const len of [1, 32, 1000]) {
        const msg = Buffer.from(randomBytes(len));
        const sig = await signer.sign(msg);
        expect(sig).toHaveLength(64);
        expect(kp.verify(msg, Buffer.from(sig))).toBe(true);
      }
    });

    it('signs a Stellar transaction the local ledger accepts', async () => {
      const signer = await pkcs11Signer(token, 'stellar-fee', 'ed25519');
      const horizon = await startLocalHorizon({ closeMs: 0 });
      try {
        const account = accountIdOf(signer);
        const fb = await fetch(`${horizon.url}/friendbot?addr=${account}`);
        expect(fb.ok).toBe(true);
        const server = new Horizon.Server(horizon.url, { allowHttp: true });
        const dest = Keypair.random().publicKey();
        const tx = new TransactionBuilder(await server.loadAccount(account), { fee: '100', networkPassphrase: horizon.ledger.passphrase })
          .addOperation(Operation.createAccount({ destination: dest, startingBalance: '5' }))
          .setTimeout(60)
          .build();
        // As the driver signs (chain-stellar sign.ts): the Signer signs the transaction hash.
        tx.addSignature(accountIdOf(signer), Buffer.from(await signer.sign(new Uint8Array(tx.hash()))).toString('base64'));
        const res = await server.submitTransaction(tx);
        expect(res.successful).toBe(true);
        expect((await server.loadAccount(dest)).accountId()).toBe(dest);
      } finally {
        await horizon.close();
      }
    });

    it('keeps one key per fund and role in the token (the Stellar keyring)', async () => {
      const keyring = pkcs11Ed25519Keyring(token, 'fiscus-stellar');
      const issuer = await keyring.signer('fund-1', 'issuer');
      expect((await keyring.signer('fund-1', 'issuer')).publicKey).toEqual(issuer.publicKey);
      expect((await keyring.signer('fund-1', 'distribution')).publicKey).not.toEqual(issuer.publicKey);
      expect((await token.findKey('fiscus-stellar/issuer/fund-1'))?.publicKey).toEqual(issuer.publicKey);
    });
  });

  describe('custody', () => {
    it('never lets the private key out: CKA_VALUE is sensitive, the key not extractable', async () => {
      const key = (await token.findKey('evm-operator'))!;
      const read = () => token.module.C_GetAttributeValue(token.session, key.privateKey, [{ type: pkcs11js.CKA_VALUE }]);
      expect(read).toThrow(expect.objectContaining({ code: CKR_ATTRIBUTE_SENSITIVE }));
      const [extractable, sensitive] = token.module.C_GetAttributeValue(token.session, key.privateKey, [
        { type: pkcs11js.CKA_EXTRACTABLE },
        { type: pkcs11js.CKA_SENSITIVE },
      ]);
      expect(extractable!.value).toEqual(Buffer.from([0]));
      expect(sensitive!.value).toEqual(Buffer.from([1]));
      const ed = (await token.findKey('stellar-fee'))!;
      expect(() => token.module.C_GetAttributeValue(token.session, ed.privateKey, [{ type: pkcs11js.CKA_VALUE }])).toThrow(
        expect.objectContaining({ code: CKR_ATTRIBUTE_SENSITIVE }),
      );
    });

    it('finds the keys again by label after the library is finalized and the token reopened (a restart)', async () => {
      const before = await Promise.all([pkcs11Signer(token, 'evm-operator', 'secp256k1'), pkcs11Signer(token, 'stellar-fee', 'ed25519')]);
      await token.close();
      token = Pkcs11Token.open(hsm.options);
      const [evm, stellar] = await Promise.all([pkcs11Signer(token, 'evm-operator', 'secp256k1'), pkcs11Signer(token, 'stellar-fee', 'ed25519')]);
      expect(evm.publicKey).toEqual(before[0]!.publicKey);
      expect(stellar.publicKey).toEqual(before[1]!.publicKey);
      const digest = getBytes(hexlify(randomBytes(32)));
      const sig = await evm.sign(digest);
      expect(recoverAddress(digest, Signature.from({ r: hexlify(sig.subarray(0, 32)), s: hexlify(sig.subarray(32, 64)), v: 27 + sig[64]! }))).toBe(
        signerAddress(before[0]!),
      );
    });

    it('refuses an unknown label instead of generating a key silently, and a key of the other curve', async () => {
      await expect(pkcs11Signer(token, 'evm-operater', 'secp256k1')).rejects.toThrow(/no key labelled "evm-operater"/);
      await expect(pkcs11Signer(token, 'stellar-fee', 'secp256k1')).rejects.toThrow(/is ed25519, expected secp256k1/);
      await expect(token.generateKey('evm-operator', 'secp256k1')).rejects.toThrow(/already holds a key labelled "evm-operator"/);
    });

    it('refuses a wrong PIN (checked when no session of the process is logged in yet)', async () => {
      await token.close();
      expect(() => Pkcs11Token.open({ ...hsm.options, pin: '000000' })).toThrow(/CKR_PIN_INCORRECT/);
      token = Pkcs11Token.open(hsm.options);
      expect(await token.findKey('evm-operator')).toBeDefined();
    });
  });
});
