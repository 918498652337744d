import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Fault injection for tests. Each request is classified into a step; an armed fault on that
 * step decides what happens to it:
 * - fail: HTTP 503 without touching state (an overloaded node)
 * - hang: never answered until clear() or close() (a stuck node / lost packet)
 * - lose: applied, then the socket is destroyed (the response is lost: did my tx go in?)
 */
export type FaultStep = 'deploy' | 'submit' | 'status' | 'nonce' | 'read';
export type FaultMode = 'fail' | 'hang' | 'lose';

export interface FaultControl {
  /** Arms a fault for the next `times` requests of `step` (default: until cleared). */
  set(step: FaultStep, mode: FaultMode, times?: number): void;
  /** Disarms faults (all, or one step) and releases every hung request by destroying its socket. */
  clear(step?: FaultStep): void;
  /** Requests currently held by 'hang'. */
  hanging(): number;
}

interface Armed {
  mode: FaultMode;
  remaining: number;
}

export class Faults implements FaultControl {
  readonly #armed = new Map<FaultStep, Armed>();
  readonly #hung = new Set<ServerResponse>();

  set(step: FaultStep, mode: FaultMode, times = Number.POSITIVE_INFINITY): void {
    if (!(times > 0)) throw new Error('times must be positive');
    this.#armed.set(step, { mode, remaining: times });
  }

  clear(step?: FaultStep): void {
    if (step) this.#armed.delete(step);
    else this.#armed.clear();
    this.releaseHung();
  }

  hanging(): number {
    return this.#hung.size;
  }

  /** Consumes one use of the fault armed on `step`, if any. */
  take(step: FaultStep): FaultMode | undefined {
    const armed = this.#armed.get(step);
    if (!armed) return undefined;
    if (--armed.remaining <= 0) this.#armed.delete(step);
    return armed.mode;
  }

  hang(req: IncomingMessage, res: ServerResponse): void {
    this.#hung.add(res);
    // A client that gives up (timeout) closes its side; forget the request then.
    res.on('close', () => this.#hung.delete(res));
    req.resume();
  }

  releaseHung(): void {
    for (const res of this.#hung) res.socket?.destroy();
    this.#hung.clear();
  }
}
