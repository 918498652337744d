import { xdr } from '@stellar/stellar-sdk';

/**
 * Decodes a result_xdr into Horizon's code names. Horizon's transaction resource has no
 * result_codes (only the 400 answer does), so status() of a failed transaction reads them here.
 */
const TX: Record<number, string> = {
  1: 'tx_fee_bump_inner_success',
  0: 'tx_success',
  [-1]: 'tx_failed',
  [-2]: 'tx_too_early',
  [-3]: 'tx_too_late',
  [-4]: 'tx_missing_operation',
  [-5]: 'tx_bad_seq',
  [-6]: 'tx_bad_auth',
  [-7]: 'tx_insufficient_balance',
  [-8]: 'tx_no_source_account',
  [-9]: 'tx_insufficient_fee',
  [-10]: 'tx_bad_auth_extra',
  [-11]: 'tx_internal_error',
  [-12]: 'tx_not_supported',
  [-13]: 'tx_fee_bump_inner_failed',
  [-14]: 'tx_bad_sponsorship',
  [-16]: 'tx_malformed',
};
const OUTER: Record<number, string> = {
  [-1]: 'op_bad_auth',
  [-2]: 'op_no_source_account',
  [-3]: 'op_not_supported',
  [-4]: 'op_too_many_subentries',
  [-6]: 'op_too_many_sponsoring',
};
/** Inner codes of the operations this driver sends, by OperationType. */
const INNER: Record<number, string[]> = {
  0: ['op_malformed', 'op_underfunded', 'op_low_reserve', 'op_already_exists'],
  1: [
    'op_malformed',
    'op_underfunded',
    'op_src_no_trust',
    'op_src_not_authorized',
    'op_no_destination',
    'op_no_trust',
    'op_not_authorized',
    'op_line_full',
    'op_no_issuer',
  ],
  5: [
    'op_low_reserve',
    'op_too_many_signers',
    'op_bad_flags',
    'op_invalid_inflation',
    'op_cant_change',
    'op_unknown_flag',
    'op_threshold_out_of_range',
    'op_bad_signer',
    'op_invalid_home_domain',
    'op_auth_revocable_required',
  ],
  6: [
    'op_malformed',
    'op_no_issuer',
    'op_invalid_limit',
    'op_low_reserve',
    'op_self_not_allowed',
    'op_trust_line_missing',
    'op_cannot_delete',
    'op_not_auth_maintain_liabilities',
  ],
  10: ['op_not_supported_yet', 'op_data_name_not_found', 'op_low_reserve', 'op_data_invalid_name'],
  19: ['op_malformed', 'op_not_clawback_enabled', 'op_no_trust', 'op_underfunded'],
  21: ['op_malformed', 'op_no_trust', 'op_cant_revoke', 'op_invalid_state', 'op_low_reserve'],
};

export interface ResultCodes {
  transaction: string;
  /** Fee bumps: the inner transaction's code (Horizon's extras.result_codes.inner_transaction). */
  inner_transaction?: string;
  operations?: string[];
}

type OpWire = { code: number; tr?: { type: number; [k: string]: unknown } };

function opName(r: OpWire): string {
  if (r.code !== 0 || !r.tr) return OUTER[r.code] ?? `op_outer_${r.code}`;
  const inner = Object.entries(r.tr).find(([k]) => k !== 'type')?.[1] as { code: number } | undefined;
  const code = inner?.code ?? 0;
  return code === 0 ? 'op_success' : (INNER[r.tr.type]?.[-code - 1] ?? `op_${r.tr.type}_${code}`);
}

export function decodeResultCodes(resultXdr: string): ResultCodes {
  const wire = xdr.TransactionResult.fromXdr(resultXdr, 'base64').toXdrObject() as {
    result: { code: number; results?: OpWire[]; innerResultPair?: { result: { result: { code: number; results?: OpWire[] } } } };
  };
  const body = wire.result.innerResultPair?.result.result ?? wire.result;
  const transaction = TX[body.code] ?? `tx_${body.code}`;
  return body.results ? { transaction, operations: body.results.map(opName) } : { transaction };
}
