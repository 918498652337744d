/** The fields of Horizon operation records this driver reads. */
export interface OpRecord {
  id: string;
  paging_token: string;
  type: string;
  source_account: string;
  transaction_hash: string;
  asset_type?: string;
  asset_code?: string;
  asset_issuer?: string;
  from?: string;
  to?: string;
  amount?: string;
  /** Path payments: what left the sender. */
  source_asset_type?: string;
  source_asset_code?: string;
  source_asset_issuer?: string;
  source_amount?: string;
  /** create_claimable_balance: "CODE:ISSUER" or "native". */
  asset?: string;
  balance_id?: string;
  claimant?: string;
  selling_asset_code?: string;
  selling_asset_issuer?: string;
  buying_asset_code?: string;
  buying_asset_issuer?: string;
  reserves_max?: { asset: string }[];
  reserves_min?: { asset: string }[];
  asset_balance_changes?: { asset_code?: string; asset_issuer?: string }[];
  trustor?: string;
  set_flags?: number[];
  clear_flags?: number[];
  authorize?: boolean;
  authorize_to_maintain_liabilities?: boolean;
}
