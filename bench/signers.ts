/**
 * Sign latency of the PKCS#11 signer (SoftHSM2, keys generated in the token) against the in-process
 * signer (a key unlocked from a keystore file), per curve, as the ratio of the medians.
 * `BENCH=signers npm run bench`. SoftHSM2 is software in this process: a network HSM adds its
 * round trip, so read the ratio as the interface's cost, not a hardware module's. Then the API
 * mint end to end with each signer as the minting key (signers-api.ts).
 */
import { randomBytes } from 'node:crypto';
import { Wallet } from 'ethers';
import type { Signer } from '@fiscus/core';
import { Pkcs11Token, memoryEd25519Signer, memorySecp256k1Signer, pkcs11Signer } from '@fiscus/signers';
import { tempToken } from '../packages/signers/test/support/softhsm.ts';
import { benchApiMintBySigner } from './signers-api.ts';
import type { BenchRow } from './table.ts';

const SIGNS = Number(process.env.BENCH_SIGNERS_N ?? 500);
const WARMUP = 50;

/** Median wall time of one sign, in µs, signing SIGNS payloads one after another. */
async function medianMicros(signer: Signer, payloadBytes: number): Promise<number> {
  const payloads = Array.from({ length: SIGNS + WARMUP }, () => new Uint8Array(randomBytes(payloadBytes)));
  const times: number[] = [];
  for (const [i, p] of payloads.entries()) {
    const t0 = performance.now();
    await signer.sign(p);
    if (i >= WARMUP) times.push((performance.now() - t0) * 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function benchSigners(): Promise<BenchRow[]> {
  const hsm = tempToken('fiscus-bench');
  const token = Pkcs11Token.open(hsm.options);
  try {
    const pairs = [
      {
        curve: 'secp256k1',
        what: '32-byte digest (EVM tx hash)',
        payload: 32,
        hsm: await pkcs11Signer(token, 'bench-evm', 'secp256k1', { create: true }),
        mem: memorySecp256k1Signer(Wallet.createRandom().privateKey),
      },
      {
        curve: 'ed25519',
        what: '32-byte Stellar tx hash',
        payload: 32,
        hsm: await pkcs11Signer(token, 'bench-stellar', 'ed25519', { create: true }),
        mem: memoryEd25519Signer(new Uint8Array(randomBytes(32))),
      },
    ];
    const rows: BenchRow[] = [];
    for (const p of pairs) {
      const mem = await medianMicros(p.mem, p.payload);
      const inHsm = await medianMicros(p.hsm, p.payload);
      rows.push({
        bench: 'signers',
        metric: `${p.curve} sign latency: PKCS#11 / in-process`,
        value: `${(inHsm / mem).toFixed(1)}×`,
        note: `median of ${SIGNS} signs of a ${p.what}: SoftHSM2 ${Math.round(inHsm)} µs vs in-process ${Math.round(mem)} µs${p.curve === 'secp256k1' ? ' (PKCS#11 includes low-s + recovery-id derivation)' : ''}`,
      });
    }
    rows.push(...(await benchApiMintBySigner(token)));
    return rows;
  } finally {
    await token.close();
    hsm.remove();
  }
}
