// One autocannon run against one server, reduced to the figures the report prints.
import autocannon from 'autocannon';

/**
 * Runs `request` (an autocannon request: method, path, headers, body, setupRequest) on
 * `url` for `duration` seconds, or until `amount` requests when given.
 */
export async function load(url, { request, connections, duration, amount }) {
  const started = performance.now();
  const result = await autocannon({
    url,
    connections,
    duration,
    ...(amount ? { amount } : {}),
    timeout: 30,
    requests: [request],
  });
  // autocannon's own `duration` is whole seconds: too coarse for a run bounded by `amount`.
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: result.requests.total,
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)])),
  };
}

/** Requests that did not end in a 2xx answer (errors include timeouts). */
export const failures = (run) => run.non2xx + run.errors;
