// The Poisson tail used by growth detection: how surprising is a weekly count given its expectation.

/** ln(k!) by summation for small k, Stirling's series above (error < 1e-10 for k ≥ 30). */
function logFactorial(k: number): number {
  if (k < 30) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k ** 3);
}

function logPmf(i: number, lambda: number): number {
  return -lambda + i * Math.log(lambda) - logFactorial(i);
}

/** P(X ≥ k) for X ~ Poisson(λ), λ > 0. Sums the shorter side so small tails keep their precision. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (!(lambda > 0)) throw new RangeError('λ должно быть положительным');
  if (k <= 0) return 1;
  if (k <= lambda) {
    let lower = 0;
    for (let i = 0; i < k; i++) lower += Math.exp(logPmf(i, lambda));
    return Math.max(0, 1 - lower);
  }
  let upper = 0;
  for (let i = k; ; i++) {
    const term = Math.exp(logPmf(i, lambda));
    upper += term;
    if (term < upper * 1e-15 || i > k + 10_000) break;
  }
  return Math.min(1, upper);
}

/** The smallest count k with P(X ≥ k) < alpha: a weekly count at or above it is unusual. */
export function poissonThreshold(lambda: number, alpha: number): number {
  let k = Math.max(1, Math.floor(lambda));
  while (poissonUpperTail(k, lambda) >= alpha) k++;
  return k;
}
