/** Resolves once `fn` is true, checked every 20 ms; fails after `ms`. */
export function until(fn: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => (fn() ? resolve() : Date.now() - started > ms ? reject(new Error('condition not met in time')) : setTimeout(tick, 20));
    tick();
  });
}
