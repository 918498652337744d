export const ROLES = ['issuer-admin', 'compliance', 'treasurer', 'investor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: one API key. `id` is what the engine records as requester / approver. */
export interface Principal {
  keyId: string;
  role: Role;
  /** Set for (and only for) investor keys: the one investor the key may see and act for. */
  investorId: string | null;
}

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
