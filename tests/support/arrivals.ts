/**
 * What the loopback fakes share: a wait that looks again each time something arrives (the
 * fake calls every function in `waiters` on each arrival) rather than on a timer.
 */
export function whenArrived<T>(
  waiters: (() => void)[],
  found: () => T | undefined,
  timeoutMs: number,
  failure: () => string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const look = (): void => {
      const result = found();
      if (result === undefined) {
        waiters.push(look);
        return;
      }
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      const waiting = waiters.indexOf(look);
      if (waiting >= 0) waiters.splice(waiting, 1);
      reject(new Error(failure()));
    }, timeoutMs);
    look();
  });
}
