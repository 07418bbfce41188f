/** Reproducible text for benchmarks: the same seed gives the same words on every machine. */

/** mulberry32: a full-period 32-bit generator (a float LCG loses its low bits and cycles within a few thousand draws). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws words with Zipf frequencies (weight 1/rank, as words in real text) by binary search over
 * the cumulative weights.
 */
export function zipfDraw(words: readonly string[], r: () => number): () => string {
  const cum: number[] = [];
  let total = 0;
  for (let i = 0; i < words.length; i++) cum.push((total += 1 / (i + 1)));
  return () => {
    const x = r() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] ?? 'samråd';
  };
}
