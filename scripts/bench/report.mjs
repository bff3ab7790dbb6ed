// Figures over several runs: medians, spread and the Kith/bare ratio, as a plain table.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The runs of one server on one scenario, reduced. */
export function summarise(runs) {
  const rps = runs.map((run) => run.rps);
  return {
    runs: runs.length,
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    rps: median(rps),
    min: Math.min(...rps),
    max: Math.max(...rps),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    failures: runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
    statusCodes: runs.reduce((all, run) => {
      for (const [code, count] of Object.entries(run.statusCodes)) all[code] = (all[code] ?? 0) + count;
      return all;
    }, {}),
  };
}

const whole = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => (n >= 100 ? whole(n) : n.toFixed(1));

/** Rows for one scenario: Kith, bare, with the ratio of medians against the target. */
export function scenarioRows(title, kith, bare, target) {
  const ratio = kith.rps / bare.rps;
  const verdict = ratio >= target ? `≥ ${target} met` : `below ${target}`;
  const row = (who, s) => [
    who === 'Kith' ? title : '',
    who,
    whole(s.rps),
    `${whole(s.min)}–${whole(s.max)}`,
    ms(s.p50),
    ms(s.p99),
    String(s.failures),
  ];
  return [
    [...row('Kith', kith), ratio.toFixed(2), verdict],
    [...row('bare', bare), '', ''],
  ];
}

export const HEADER = ['scenario', 'server', 'req/s', 'spread', 'p50 ms', 'p99 ms', 'non-2xx', 'Kith/bare', 'target'];

/** A fixed-width table; numeric-looking cells are right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i] ?? '').length)));
  const numeric = (cell) => /^[\d.,–]+$/.test(cell);
  const line = (row) =>
    row.map((cell, i) => (numeric(String(cell)) ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
