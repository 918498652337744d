export { DEFAULT_INITIAL_NAV, DEFAULT_NAV_GUARDS, assertGuards, guardsFor, initFundNav, setNavGuards, type NavGuards } from './settings.ts';
export { requireFreshNav } from './fresh.ts';
export { checkGuards, moveBps, publishNav, type PublishNavParams, type PublishedNav } from './publish.ts';
export { assertReservesCover, mintsInFlight, reserveFacts, type ReserveFacts } from './reserves.ts';
