export { requestMove, type MoveEnd, type MoveRow, type RequestMoveParams } from './request.ts';
export { advanceMoves, advanceMove, ACTIVE_MOVE_STATES, type MoveSagaOptions } from './saga.ts';
export { setMoveLimits, setChainPaused, getMoveLimits, type ChainMoveLimits } from './limits.ts';
export { currentLevel, levelAfterNewCapacity, RATE_LIMIT_WINDOW_MS } from './rate-limit.ts';
export { listHalts, clearHalt, type FundHaltRow } from './halt.ts';
export { moveView, listMoves, type MoveView } from './view.ts';
export { movesTask } from './task.ts';
export { resolveMove, type ResolveMoveAction, type ResolveMoveParams } from './resolve.ts';
export { countStrandedMoves } from './view.ts';
