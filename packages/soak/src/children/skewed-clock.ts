/**
 * Preloaded (`node --import`) into a worker the soak restarts with a skewed clock: every reading of
 * the process clock (`Date.now()`, `new Date()`) is shifted by SOAK_CLOCK_SKEW_MS, as on a machine
 * whose NTP has drifted. Postgres `now()` and the chains keep true time, which is the point: leases,
 * due times and NAV staleness must not trust one worker's clock.
 */
const skewMs = Number(process.env.SOAK_CLOCK_SKEW_MS ?? '0');

if (Number.isFinite(skewMs) && skewMs !== 0) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  class SkewedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(realNow() + skewMs);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return realNow() + skewMs;
    }
  }
  globalThis.Date = SkewedDate as DateConstructor;
}

export {};
