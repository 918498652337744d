import { describe, expect, it } from 'vitest';
import { abi } from '../contracts/abi.ts';
import { encodeOperation, type EncodeContext } from './encode.ts';

const A = '0x00000000000000000000000000000000000000aa';
const B = '0x00000000000000000000000000000000000000bb';
const ctx: EncodeContext = {
  chain: 'eip155:31337',
  details: {
    token: '0x0000000000000000000000000000000000000001',
    identityRegistry: '0x0000000000000000000000000000000000000002',
    onboarder: '0x0000000000000000000000000000000000000003',
    claimIssuer: '0x0000000000000000000000000000000000000004',
    claimTopic: '7',
  },
  claimFor: async () => ({ signature: '0x12', data: '0x34' }),
};
const decode = (data: string, iface = abi.token) => iface.parseTransaction({ data })!;

describe('encodeOperation', () => {
  it('maps each single operation to its T-REX call', async () => {
    expect(decode((await encodeOperation({ kind: 'mint', to: A, units: 5n }, ctx)).data)).toMatchObject({
      name: 'mint',
      args: [expect.stringMatching(/aa$/i), 5n],
    });
    expect(decode((await encodeOperation({ kind: 'freeze', address: A }, ctx)).data)).toMatchObject({
      name: 'setAddressFrozen',
      args: [expect.any(String), true],
    });
    expect(decode((await encodeOperation({ kind: 'unfreeze', address: A, units: 3n }, ctx)).data).name).toBe('unfreezePartialTokens');
    expect(decode((await encodeOperation({ kind: 'forceTransfer', from: A, to: B, units: 2n }, ctx)).data).name).toBe('forcedTransfer');
    expect(decode((await encodeOperation({ kind: 'pause' }, ctx)).data).name).toBe('pause');
  });

  it('sends authorize, deauthorize and recover through the onboarder in one call', async () => {
    const auth = await encodeOperation({ kind: 'authorize', address: A, investorId: 'inv_1', country: 840 }, ctx);
    expect(auth.to).toBe(ctx.details.onboarder);
    expect(decode(auth.data, abi.onboarder)).toMatchObject({
      name: 'onboard',
      args: [ctx.details.identityRegistry, expect.any(String), 'inv_1', 840n, 7n, ctx.details.claimIssuer, '0x12', '0x34'],
    });
    expect(decode((await encodeOperation({ kind: 'deauthorize', address: A }, ctx)).data, abi.onboarder).name).toBe('offboard');
    expect(decode((await encodeOperation({ kind: 'recover', from: A, to: B, units: 1n }, ctx)).data, abi.onboarder).name).toBe('recover');
  });

  it('turns homogeneous batches into T-REX batch calls', async () => {
    const mint = await encodeOperation(
      {
        kind: 'batch',
        items: [
          { kind: 'mint', to: A, units: 1n },
          { kind: 'mint', to: B, units: 2n },
        ],
      },
      ctx,
    );
    expect(decode(mint.data)).toMatchObject({
      name: 'batchMint',
      args: [
        [expect.any(String), expect.any(String)],
        [1n, 2n],
      ],
    });
    const freeze = await encodeOperation(
      {
        kind: 'batch',
        items: [
          { kind: 'freeze', address: A },
          { kind: 'freeze', address: B },
        ],
      },
      ctx,
    );
    expect(decode(freeze.data).name).toBe('batchSetAddressFrozen');
    const auth = await encodeOperation(
      {
        kind: 'batch',
        items: [
          { kind: 'authorize', address: A, investorId: 'inv_1', country: 840 },
          { kind: 'authorize', address: B, investorId: 'inv_2', country: 250 },
        ],
      },
      ctx,
    );
    expect(auth.to).toBe(ctx.details.onboarder);
    expect(decode(auth.data, abi.onboarder)).toMatchObject({
      name: 'onboardBatch',
      args: [
        ctx.details.identityRegistry,
        [
          [expect.stringMatching(/aa$/i), 'inv_1', 840n, '0x12', '0x34'],
          [expect.stringMatching(/bb$/i), 'inv_2', 250n, '0x12', '0x34'],
        ],
        7n,
        ctx.details.claimIssuer,
      ],
    });
  });

  it('refuses mixed, empty and oversized batches, bad addresses and non-positive units', async () => {
    await expect(
      encodeOperation(
        {
          kind: 'batch',
          items: [
            { kind: 'mint', to: A, units: 1n },
            { kind: 'burn', from: B, units: 1n },
          ],
        },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      encodeOperation(
        {
          kind: 'batch',
          items: [
            { kind: 'freeze', address: A },
            { kind: 'freeze', address: B, units: 1n },
          ],
        },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(encodeOperation({ kind: 'batch', items: [] }, ctx)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const onboardings = Array.from({ length: 21 }, (_, i) => ({ kind: 'authorize' as const, address: A, investorId: `inv_${i}`, country: 840 }));
    await expect(encodeOperation({ kind: 'batch', items: onboardings }, ctx)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', meta: { maxBatch: 20 } });
    const many = Array.from({ length: 101 }, () => ({ kind: 'mint' as const, to: A, units: 1n }));
    await expect(encodeOperation({ kind: 'batch', items: many }, ctx)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(encodeOperation({ kind: 'mint', to: '0x12', units: 1n }, ctx)).rejects.toMatchObject({ code: 'INVALID_ADDRESS' });
    await expect(encodeOperation({ kind: 'mint', to: A, units: 0n }, ctx)).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    await expect(encodeOperation({ kind: 'mint', to: A, units: 1n }, { ...ctx, details: {} })).rejects.toMatchObject({ code: 'NOT_DEPLOYED' });
  });
});
