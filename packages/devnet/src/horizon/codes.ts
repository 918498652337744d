/**
 * stellar-core result codes (Stellar-transaction.x) with the names Horizon reports in
 * `extras.result_codes`. Only the operations the local ledger applies are listed.
 */
export interface OpKind {
  /** OperationType value, used in result_xdr and as Horizon's `type_i`. */
  typeI: number;
  /** Horizon's `type`. */
  horizon: string;
  /** Key of the inner result in OperationResultTr's wire form. */
  resultKey: string;
  /** Horizon code name → inner result code. */
  codes: Record<string, number>;
  /** Key of the success arm's payload, for result unions whose success is not void. */
  successKey?: string;
  /**
   * The payload of an op that reports success without having run (after an earlier op of its
   * transaction failed): stellar-core leaves the result default-initialised (zeroes).
   */
  emptySuccess?: unknown;
}

const ZERO_32 = new Uint8Array(32);
const EMPTY_PATH_PAYMENT = { offers: [], last: { destination: { type: 0, ed25519: ZERO_32 }, asset: { type: 0 }, amount: 0n } };

/** PathPaymentStrictReceive/SendResultCode; -12 differs (over_sendmax / under_destmin). */
const PATH_PAYMENT_CODES = {
  op_malformed: -1,
  op_underfunded: -2,
  op_src_no_trust: -3,
  op_src_not_authorized: -4,
  op_no_destination: -5,
  op_no_trust: -6,
  op_not_authorized: -7,
  op_line_full: -8,
  op_no_issuer: -9,
  op_too_few_offers: -10,
  op_cross_self: -11,
};

export const OP_KINDS: Record<string, OpKind> = {
  createAccount: {
    typeI: 0,
    horizon: 'create_account',
    resultKey: 'createAccountResult',
    codes: { op_malformed: -1, op_underfunded: -2, op_low_reserve: -3, op_already_exists: -4 },
  },
  payment: {
    typeI: 1,
    horizon: 'payment',
    resultKey: 'paymentResult',
    codes: {
      op_malformed: -1,
      op_underfunded: -2,
      op_src_no_trust: -3,
      op_src_not_authorized: -4,
      op_no_destination: -5,
      op_no_trust: -6,
      op_not_authorized: -7,
      op_line_full: -8,
      op_no_issuer: -9,
    },
  },
  pathPaymentStrictReceive: {
    typeI: 2,
    horizon: 'path_payment_strict_receive',
    resultKey: 'pathPaymentStrictReceiveResult',
    successKey: 'success',
    emptySuccess: EMPTY_PATH_PAYMENT,
    codes: { ...PATH_PAYMENT_CODES, op_over_source_max: -12 },
  },
  pathPaymentStrictSend: {
    typeI: 13,
    horizon: 'path_payment_strict_send',
    resultKey: 'pathPaymentStrictSendResult',
    successKey: 'success',
    emptySuccess: EMPTY_PATH_PAYMENT,
    codes: { ...PATH_PAYMENT_CODES, op_under_dest_min: -12 },
  },
  createClaimableBalance: {
    typeI: 14,
    horizon: 'create_claimable_balance',
    resultKey: 'createClaimableBalanceResult',
    successKey: 'balanceId',
    emptySuccess: { type: 0, v0: ZERO_32 },
    codes: { op_malformed: -1, op_low_reserve: -2, op_no_trust: -3, op_not_authorized: -4, op_underfunded: -5 },
  },
  claimClaimableBalance: {
    typeI: 15,
    horizon: 'claim_claimable_balance',
    resultKey: 'claimClaimableBalanceResult',
    codes: { op_does_not_exist: -1, op_cannot_claim: -2, op_line_full: -3, op_no_trust: -4, op_not_authorized: -5 },
  },
  clawbackClaimableBalance: {
    typeI: 20,
    horizon: 'clawback_claimable_balance',
    resultKey: 'clawbackClaimableBalanceResult',
    codes: { op_does_not_exist: -1, op_not_issuer: -2, op_not_clawback_enabled: -3 },
  },
  setOptions: {
    typeI: 5,
    horizon: 'set_options',
    resultKey: 'setOptionsResult',
    codes: {
      op_low_reserve: -1,
      op_too_many_signers: -2,
      op_bad_flags: -3,
      op_invalid_inflation: -4,
      op_cant_change: -5,
      op_unknown_flag: -6,
      op_threshold_out_of_range: -7,
      op_bad_signer: -8,
      op_invalid_home_domain: -9,
      op_auth_revocable_required: -10,
    },
  },
  changeTrust: {
    typeI: 6,
    horizon: 'change_trust',
    resultKey: 'changeTrustResult',
    codes: {
      op_malformed: -1,
      op_no_issuer: -2,
      op_invalid_limit: -3,
      op_low_reserve: -4,
      op_self_not_allowed: -5,
      op_trust_line_missing: -6,
      op_cannot_delete: -7,
      op_not_auth_maintain_liabilities: -8,
    },
  },
  allowTrust: {
    typeI: 7,
    horizon: 'allow_trust',
    resultKey: 'allowTrustResult',
    codes: { op_malformed: -1, op_no_trust: -2, op_not_required: -3, op_cant_revoke: -4, op_self_not_allowed: -5, op_low_reserve: -6 },
  },
  manageData: {
    typeI: 10,
    horizon: 'manage_data',
    resultKey: 'manageDataResult',
    codes: { op_not_supported_yet: -1, op_data_name_not_found: -2, op_low_reserve: -3, op_data_invalid_name: -4 },
  },
  bumpSequence: {
    typeI: 11,
    horizon: 'bump_sequence',
    resultKey: 'bumpSeqResult',
    codes: { op_bad_seq: -1 },
  },
  beginSponsoringFutureReserves: {
    typeI: 16,
    horizon: 'begin_sponsoring_future_reserves',
    resultKey: 'beginSponsoringFutureReservesResult',
    codes: { op_malformed: -1, op_already_sponsored: -2, op_recursive: -3 },
  },
  endSponsoringFutureReserves: {
    typeI: 17,
    horizon: 'end_sponsoring_future_reserves',
    resultKey: 'endSponsoringFutureReservesResult',
    codes: { op_not_sponsored: -1 },
  },
  clawback: {
    typeI: 19,
    horizon: 'clawback',
    resultKey: 'clawbackResult',
    codes: { op_malformed: -1, op_not_clawback_enabled: -2, op_no_trust: -3, op_underfunded: -4 },
  },
  setTrustLineFlags: {
    typeI: 21,
    horizon: 'set_trust_line_flags',
    resultKey: 'setTrustLineFlagsResult',
    codes: { op_malformed: -1, op_no_trust: -2, op_cant_revoke: -3, op_invalid_state: -4, op_low_reserve: -5 },
  },
};

/** OperationResultCode: failures outside the operation's own result union. */
export const OUTER_OP_CODES: Record<string, number> = {
  op_bad_auth: -1,
  op_no_source_account: -2,
  op_not_supported: -3,
  op_too_many_subentries: -4,
  op_exceeded_work_limit: -5,
  op_too_many_sponsoring: -6,
};

export const TX_CODES = {
  tx_fee_bump_inner_success: 1,
  tx_success: 0,
  tx_failed: -1,
  tx_too_early: -2,
  tx_too_late: -3,
  tx_missing_operation: -4,
  tx_bad_seq: -5,
  tx_bad_auth: -6,
  tx_insufficient_balance: -7,
  tx_no_source_account: -8,
  tx_insufficient_fee: -9,
  tx_bad_auth_extra: -10,
  tx_internal_error: -11,
  tx_not_supported: -12,
  tx_fee_bump_inner_failed: -13,
  tx_bad_sponsorship: -14,
  tx_bad_minseq_age_or_gap: -15,
  tx_malformed: -16,
} as const;
export type TxCode = keyof typeof TX_CODES;

/** A failed operation: `code` is a Horizon name, outer (op_bad_auth…) or of the op's own union. */
export class OpFailure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export const fail = (code: string): never => {
  throw new OpFailure(code);
};
