/**
 * Whole seconds since an ISO 8601 date-time, counted on the page's clock and updated every
 * second; `0` without a date. Only for showing how long something has run.
 */
import * as React from 'react';

export function useElapsedSeconds(startedAt: string | null): number {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const started = startedAt === null ? Number.NaN : Date.parse(startedAt);
  return Number.isNaN(started) ? 0 : Math.max(0, Math.floor((now - started) / 1000));
}
