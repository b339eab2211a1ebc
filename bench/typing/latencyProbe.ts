// Injected into both pages before they load: the time from `beforeinput` to the first task after
// the next frame, i.e. until the keystroke is on screen and the main thread is free again.
export const LATENCY_PROBE = `
  window.__latency = [];
  document.addEventListener('beforeinput', () => {
    const t0 = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.__latency.push(performance.now() - t0), 0));
  }, true);
`;
