/** TRELLIS_E2E_TIMING=1 prints how long each phase of a stack's start took, to see where a suite's time goes. */
export function phaseTimer(what: string): (phase: string) => void {
  const enabled = process.env['TRELLIS_E2E_TIMING'] === '1';
  let last = Date.now();
  return (phase) => {
    const now = Date.now();
    if (enabled) process.stderr.write(`[timing] ${what}: ${phase} ${((now - last) / 1000).toFixed(1)} s\n`);
    last = now;
  };
}
