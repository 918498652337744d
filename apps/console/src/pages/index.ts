import { lazy, type ComponentType } from 'react';
import { Approvals } from './Approvals.tsx';
import { Attestations } from './Attestations.tsx';
import { Audit } from './Audit.tsx';
import { CapTable } from './CapTable.tsx';
import { Chains } from './Chains.tsx';
import { Distributions } from './Distributions.tsx';
import { Enforcement } from './Enforcement.tsx';
import { Funds } from './Funds.tsx';
import { Investors } from './Investors.tsx';
import { Moves } from './Moves.tsx';
import { Operations } from './Operations.tsx';
import { Redemptions } from './Redemptions.tsx';

// The overview alone draws charts: Chart.js loads with it, not with every page (see bench/console.ts).
const Overview = lazy(() => import('./Overview.tsx').then((m) => ({ default: m.Overview })));

export interface PageDef {
  slug: string;
  title: string;
  /** The permission (GET /v1/me) a key needs to see the page at all; actions inside check their own. */
  permission?: string;
  Component: ComponentType<{ params: URLSearchParams }>;
}

export const PAGES: PageDef[] = [
  { slug: 'overview', title: 'Fund overview', permission: 'supply.read', Component: Overview },
  { slug: 'funds', title: 'Funds & deployments', permission: 'funds.read', Component: Funds },
  { slug: 'operations', title: 'Operations', permission: 'operations.read', Component: Operations },
  { slug: 'chains', title: 'Chains', permission: 'chains.read', Component: Chains },
  { slug: 'cap-table', title: 'Cap table', permission: 'capTable.read', Component: CapTable },
  { slug: 'investors', title: 'Investors', permission: 'investors.read', Component: Investors },
  { slug: 'moves', title: 'Moves', permission: 'moves.read', Component: Moves },
  { slug: 'redemptions', title: 'Redemptions', permission: 'redemptions.read', Component: Redemptions },
  { slug: 'distributions', title: 'Distributions', permission: 'distributions.read', Component: Distributions },
  { slug: 'approvals', title: 'Approvals', permission: 'operations.approve', Component: Approvals },
  { slug: 'enforcement', title: 'Enforcement', permission: 'enforcement.create', Component: Enforcement },
  { slug: 'audit', title: 'Audit log', permission: 'audit.read', Component: Audit },
  { slug: 'attestations', title: 'Attestations', permission: 'attestations.read', Component: Attestations },
];
