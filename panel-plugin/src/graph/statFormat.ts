// How traffic, error ratios and latencies read on edges, nodes and tooltips.

/** 250 → "250", 41.04 → "41.0", 2.5 → "2.50". */
export const formatRate = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);

/** 0.4 → "40%", 0.023 → "2.3%", 0.0012 → "0.12%". */
export const formatPercent = (ratio: number) => {
  const percent = ratio * 100;
  return `${percent >= 10 ? percent.toFixed(0) : percent >= 1 ? percent.toFixed(1) : percent.toFixed(2)}%`;
};

/** 0.0451 → "45 ms", 1.2 → "1.20 s". */
export const formatSeconds = (seconds: number) =>
  seconds >= 1 ? `${seconds.toFixed(2)} s` : `${(seconds * 1000).toFixed(seconds >= 0.01 ? 0 : 1)} ms`;
