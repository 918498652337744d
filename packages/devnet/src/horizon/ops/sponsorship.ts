import { fail } from '../codes.ts';
import { availableBalance, BASE_RESERVE, MAX_SUBENTRIES, minBalance, type AccountEntry } from '../state.ts';
import type { ApplyContext } from './context.ts';

/**
 * stellar-core createEntryWithPossibleSponsorship: the reserve of a new entry owned by `owner`
 * is paid by the account sponsoring `owner` in this transaction, else by `owner` itself.
 * Returns the sponsor, to be stored on the entry so deleting it releases the right account.
 */
export function takeReserve(ctx: ApplyContext, owner: AccountEntry, reserves: number, lowReserve: string): string | undefined {
  const sponsorId = ctx.sponsorships.get(owner.id);
  if (sponsorId) {
    const sponsor = ctx.state.account(sponsorId);
    if (!sponsor || availableBalance(sponsor) < BigInt(reserves) * BASE_RESERVE) fail(lowReserve);
    sponsor!.numSponsoring += reserves;
    owner.numSponsored += reserves;
    return sponsorId;
  }
  if (owner.balance < minBalance(owner) + BigInt(reserves) * BASE_RESERVE) fail(lowReserve);
  return undefined;
}

/** A new subentry (trustline, signer, data): reserve first, then the count. */
export function addSubentry(ctx: ApplyContext, owner: AccountEntry, lowReserve: string): string | undefined {
  if (owner.subentries >= MAX_SUBENTRIES) fail('op_too_many_subentries');
  const sponsor = takeReserve(ctx, owner, 1, lowReserve);
  owner.subentries += 1;
  return sponsor;
}

/** stellar-core removeEntryWithPossibleSponsorship for a subentry. */
export function removeSubentry(ctx: ApplyContext, owner: AccountEntry, sponsor: string | undefined): void {
  owner.subentries -= 1;
  if (!sponsor) return;
  owner.numSponsored -= 1;
  const s = ctx.state.account(sponsor);
  if (s) s.numSponsoring -= 1;
}
