import type { Operation } from '@stellar/stellar-sdk';
import { fail } from '../codes.ts';
import type { OpHandler } from './context.ts';
import { addSubentry, removeSubentry } from './sponsorship.ts';

const PRINTABLE = /^[\x20-\x7e]{1,64}$/;

/** ManageDataOpFrame: a value sets (creating a subentry), no value deletes. */
export const manageData: OpHandler<Operation.ManageData> = {
  threshold: () => 'med',
  participants: () => [],
  check(op) {
    if (!PRINTABLE.test(op.name)) fail('op_data_invalid_name');
  },
  apply(ctx, op, source) {
    const owner = ctx.state.account(source)!;
    const existing = owner.data.get(op.name);
    const value = op.value ? new Uint8Array(op.value) : undefined;
    if (value) {
      if (existing) existing.value = value;
      else owner.data.set(op.name, { value, sponsor: addSubentry(ctx, owner, 'op_low_reserve') });
    } else {
      if (!existing) fail('op_data_name_not_found');
      removeSubentry(ctx, owner, existing!.sponsor);
      owner.data.delete(op.name);
    }
    return { name: op.name, value: value ? Buffer.from(value).toString('base64') : '' };
  },
};
