import { formatAmount } from './amounts.ts';
import { assetTypeOf } from './ops/context.ts';
import { AccountFlag, TrustFlag, type AccountEntry, type LedgerState, type TrustlineEntry } from './state.ts';

/**
 * accountJson (records.ts) written straight to JSON text, byte for byte what JSON.stringify
 * makes of it (account-text.test.ts holds the two together). A page of /accounts?asset= is 200
 * records of ~2.4 KB: serializing them as objects was most of the CPU of a holder listing through
 * the in-process stand-in, charged to whatever shares its thread (the reads bench).
 */
const q = JSON.stringify;
const LINKS = ['transactions', 'operations', 'payments', 'effects', 'offers', 'trades'];
/** The _links object is the account's escaped URL 8 times; these are the constant texts after each. */
const AFTER_SELF: string[] = [];
{
  let pending = '"},';
  for (const l of LINKS) {
    AFTER_SELF.push(`${pending}"${l}":{"href":"`);
    pending = `/${l}{?cursor,limit,order}","templated":true},`;
  }
  AFTER_SELF.push(`${pending}"data":{"href":"`, '/data/{key}","templated":true}},"id":');
}

function balanceText(t: TrustlineEntry, o: string[]): void {
  o.push(
    '{"balance":"',
    formatAmount(t.balance),
    '","limit":"',
    formatAmount(t.limit),
    '","buying_liabilities":"0.0000000","selling_liabilities":"0.0000000",',
  );
  if (t.sponsor) o.push('"sponsor":', q(t.sponsor), ',');
  o.push(
    '"last_modified_ledger":',
    String(t.lastModified),
    ',"is_authorized":',
    String(!!(t.flags & TrustFlag.AUTHORIZED)),
    ',"is_authorized_to_maintain_liabilities":',
    String(!!(t.flags & TrustFlag.MAINTAIN_LIABILITIES)),
    ',"is_clawback_enabled":',
    String(!!(t.flags & TrustFlag.CLAWBACK_ENABLED)),
    ',"asset_type":"',
    assetTypeOf(t.code),
    '","asset_code":',
    q(t.code),
    ',"asset_issuer":',
    q(t.issuer),
    '},',
  );
}

/**
 * Parts pushed to one array and joined once: the string is flat at once. Built with `+`, it
 * would be a tree of hundreds of small pieces that joining the page and writing it each walk.
 */
export function accountText(base: string, state: LedgerState, a: AccountEntry): string {
  const id = q(a.id);
  // The escaped link prefix, without its quotes: every link extends it.
  const self = q(`${base}/accounts/${a.id}`).slice(1, -1);
  const o: string[] = ['{"_links":{"self":{"href":"'];
  for (const after of AFTER_SELF) o.push(self, after);
  o.push(id, ',"account_id":', id, ',"sequence":"', String(a.seq), '","sequence_ledger":', String(a.seqLedger));
  o.push(',"sequence_time":"', String(a.seqTime), '","subentry_count":', String(a.subentries), ',');
  if (a.homeDomain) o.push('"home_domain":', q(a.homeDomain), ',');
  o.push('"last_modified_ledger":', String(a.lastModified), ',"last_modified_time":null');
  const th = a.thresholds;
  o.push(',"thresholds":{"low_threshold":', String(th.low), ',"med_threshold":', String(th.med), ',"high_threshold":', String(th.high), '}');
  const f = a.flags;
  o.push(
    ',"flags":{"auth_required":',
    String(!!(f & AccountFlag.AUTH_REQUIRED)),
    ',"auth_revocable":',
    String(!!(f & AccountFlag.AUTH_REVOCABLE)),
    ',"auth_immutable":',
    String(!!(f & AccountFlag.AUTH_IMMUTABLE)),
    ',"auth_clawback_enabled":',
    String(!!(f & AccountFlag.AUTH_CLAWBACK_ENABLED)),
    '},"balances":[',
  );
  for (const t of state.trustlinesOf(a.id)) balanceText(t, o);
  o.push('{"balance":"', formatAmount(a.balance), '","buying_liabilities":"0.0000000","selling_liabilities":"0.0000000","asset_type":"native"}],"signers":[');
  for (const s of a.signers) {
    o.push('{"weight":', String(s.weight), ',"key":', q(s.key), ',"type":"ed25519_public_key"');
    if (s.sponsor) o.push(',"sponsor":', q(s.sponsor));
    o.push('},');
  }
  o.push('{"weight":', String(a.masterWeight), ',"key":', id, ',"type":"ed25519_public_key"}],"data":');
  o.push(q(Object.fromEntries([...a.data].map(([k, d]) => [k, Buffer.from(d.value).toString('base64')]))));
  o.push(',"num_sponsoring":', String(a.numSponsoring), ',"num_sponsored":', String(a.numSponsored), ',');
  if (a.sponsor) o.push('"sponsor":', q(a.sponsor), ',');
  o.push('"paging_token":', id, '}');
  return o.join('');
}
