import { Address, addTxSignatures, Context, pvm, secp256k1, utils, type UnsignedTx } from '@avalabs/avalanchejs';
import { devValidator } from './dev-validator.ts';
import { encodeHexChecksum } from './wire.ts';
import { L1Validator, PChainOwner, pvmSerial } from '@avalabs/avalanchejs';

/** Test helpers: a client building txs with avalanchejs exactly as a wallet would. */

export const SUBNET_EVM_VM_ID = 'srEXiWaHuhNyGwPUi444Tu47ZEDwxTWrbQiuD7FmgSAQ6X7Dy';

export function testKey(seed: number) {
  const priv = new Uint8Array(32).fill(seed);
  const addr = secp256k1.publicKeyBytesToAddress(secp256k1.getPublicKey(priv));
  return { priv, addr, pAddr: utils.format('P', 'local', addr) };
}
export type TestKey = ReturnType<typeof testKey>;

export async function client(url: string) {
  const ctx = await Context.getContextFromURI(url);
  const api = new pvm.PVMApi(url);
  return {
    ctx,
    api,
    utxos: async (k: TestKey) => (await api.getUTXOs({ addresses: [k.pAddr] })).utxos,
    feeState: () => api.getFeeState(),
    issue: (tx: UnsignedTx) => api.issueTx({ tx: encodeHexChecksum(tx.getSignedTx().toBytes()) }),
  };
}
export type Client = Awaited<ReturnType<typeof client>>;

/** Signs the inputs and, when `subnetOwner` is given, the subnet-auth credential (slot 0). */
export async function sign(tx: UnsignedTx, keys: TestKey[], subnetOwner?: TestKey) {
  if (subnetOwner) tx.addressMaps.push(new utils.AddressMap([[new Address(subnetOwner.addr), 0]]));
  await addTxSignatures({ unsignedTx: tx, privateKeys: keys.map((k) => k.priv) });
  return tx;
}

export async function createSubnet(c: Client, payer: TestKey, owner: TestKey = payer) {
  const tx = pvm.newCreateSubnetTx(
    { feeState: await c.feeState(), fromAddressesBytes: [payer.addr], utxos: await c.utxos(payer), subnetOwners: [owner.addr], threshold: 1 },
    c.ctx,
  );
  return sign(tx, [payer]);
}

export async function createChain(c: Client, payer: TestKey, subnetId: string, genesis: Record<string, unknown> = { config: { chainId: 1 } }) {
  return pvm.newCreateChainTx(
    {
      feeState: await c.feeState(),
      fromAddressesBytes: [payer.addr],
      utxos: await c.utxos(payer),
      chainName: 'fund',
      vmId: SUBNET_EVM_VM_ID,
      fxIds: [],
      genesisData: genesis,
      subnetId,
      subnetAuth: [0],
    },
    c.ctx,
  );
}

export async function convert(c: Client, payer: TestKey, subnetId: string, chainId: string, seeds = ['v1']) {
  const owner = PChainOwner.fromNative([payer.addr], 1);
  const validators = seeds
    .map((s) => devValidator(s))
    .sort((a, b) => Buffer.compare(Buffer.from(utils.base58check.decode(a.nodeId.slice(7))), Buffer.from(utils.base58check.decode(b.nodeId.slice(7)))))
    .map((v) =>
      L1Validator.fromNative(
        v.nodeId,
        100n,
        1_000_000_000n,
        new pvmSerial.ProofOfPossession(Buffer.from(v.blsPublicKey, 'hex'), Buffer.from(v.proofOfPossession, 'hex')),
        owner,
        owner,
      ),
    );
  return pvm.newConvertSubnetToL1Tx(
    {
      feeState: await c.feeState(),
      fromAddressesBytes: [payer.addr],
      utxos: await c.utxos(payer),
      subnetId,
      chainId,
      address: utils.hexToBuffer('0x' + '00'.repeat(19) + '01'),
      validators,
      subnetAuth: [0],
    },
    c.ctx,
  );
}
