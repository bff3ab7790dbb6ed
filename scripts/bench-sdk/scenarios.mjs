// The four cases of `npm run bench:sdk`. Each returns its series of samples (ms) by label;
// sides alternate (order rotated every round) so drift on a shared machine spreads over all.
import { median } from '../bench/report.mjs';
import { call } from './browser.mjs';
import { figure } from './stats.mjs';

/** `list` rotated by `round` places: every side goes first as often as the others. */
const rotate = (list, round) => list.map((_, i) => list[(i + round) % list.length]);

/**
 * 1. Memory-warm: the value is in this page's memory. One page with every side, ops timed in
 * batches long enough for the timer (calibrated), per-call mean per batch.
 */
export async function memoryWarm({ browser, config, customer, options, log }) {
  const ops = {
    'kith.observe': 'Kith get(id).subscribe → first state with data',
    'kith.awaitCacheFirst': "Kith await get(id, { prefer: 'cache-first' })",
    'tanstack.observer': 'TanStack QueryObserver subscribe → getCurrentResult',
    'tanstack.getQueryData': 'TanStack getQueryData',
    'tanstack.fetchQuery': 'TanStack await fetchQuery (staleTime ∞)',
    'bare.mapGet': 'Map.get',
  };
  const page = await browser.open('/all.html');
  try {
    await call(page, 'kith', 'memorySetup', config);
    await call(page, 'tanstack', 'memorySetup', config);
    await call(page, 'bare', 'memorySetup', config, customer);
    const counts = {};
    for (const op of Object.keys(ops)) counts[op] = await page.evaluate((op, ms) => globalThis.bench.calibrate(op, ms), op, options.batchMs);
    log(`   calls per batch: ${Object.entries(counts).map(([op, n]) => `${op} ${n.toLocaleString('en-US')}`).join(', ')}`);
    const samples = Object.fromEntries(Object.keys(ops).map((op) => [op, []]));
    for (let round = 0; round < options.batches; round++) {
      for (const op of rotate(Object.keys(ops), round)) {
        samples[op].push(await page.evaluate((op, n) => globalThis.bench.batch(op, n), op, counts[op]));
      }
    }
    const isolated = await page.evaluate(() => globalThis.bench.isolated);
    return {
      series: Object.entries(ops).map(([op, label]) => ({ id: op, label, samples: samples[op] })),
      notes: [
        `${options.batches} batches per operation, each ≥ ${options.batchMs} ms of back-to-back calls; figure = mean per call in a batch; ` +
          `timer ${isolated ? '5 µs (cross-origin isolated)' : '100 µs (not isolated)'}`,
        'Kith observe: the first state is delivered inside subscribe() from memory; its revalidation is cancelled by the unsubscribe (no request sent).',
        'This is the SDK half of the memory-warm paint target; the element\'s render is not in it.',
      ],
    };
  } finally {
    await page.close();
  }
}

/**
 * A new-page case: seeds once in one page, then each round opens a new tab per side and times
 * client creation → first data there.
 */
async function newPageRounds({ browser, options, problems }, sides, expected) {
  const samples = Object.fromEntries(Object.keys(sides).map((id) => [id, []]));
  const again = Object.fromEntries(Object.keys(sides).map((id) => [id, []]));
  const sources = Object.fromEntries(Object.keys(sides).map((id) => [id, {}]));
  // Round 0 warms the browser's caches (scripts, compiled code) and is not counted.
  for (let round = 0; round <= options.rounds; round++) {
    for (const id of rotate(Object.keys(sides), round)) {
      const { path, run } = sides[id];
      const page = await browser.open(path);
      try {
        const result = await run(page);
        if (result.records !== expected) problems.push(`${id}: ${result.records} record(s) where ${expected} were expected`);
        if (round === 0) continue;
        samples[id].push(result.ms);
        if (result.again !== undefined) again[id].push(result.again);
        sources[id][result.source] = (sources[id][result.source] ?? 0) + 1;
      } finally {
        await page.close();
      }
    }
  }
  return { samples, sources, again };
}

const sourceNote = (counts) => Object.entries(counts).map(([source, n]) => `${source} ×${n}`).join(', ');

/** 2. IndexedDB-warm: data persisted by an earlier page; a new page creates its client and shows it. */
export async function indexedDbWarm(context) {
  const { browser, config, customer } = context;
  const seed = await browser.open('/all.html');
  try {
    await call(seed, 'kith', 'seedCustomer', config);
    await call(seed, 'tanstack', 'seedCustomer', config);
    await call(seed, 'bare', 'seedCustomer', config, customer);
  } finally {
    await seed.close();
  }
  const labels = {
    'kith-held': 'Kith, network held (storage path)',
    'kith-live': 'Kith, live server (first of storage/network)',
    'kith-store': '  Kith cache store alone: createCacheStore → restore',
    tanstack: 'TanStack persistQueryClientRestore (idb-keyval)',
    bare: 'bare idb openDB + get',
  };
  const { samples, sources, again } = await newPageRounds(
    context,
    {
      'kith-held': { path: '/kith.html', run: (page) => call(page, 'kith', 'idbWarm', config, 'held') },
      'kith-live': { path: '/kith.html', run: (page) => call(page, 'kith', 'idbWarm', config, 'live') },
      'kith-store': { path: '/kith.html', run: (page) => call(page, 'kith', 'storeRestore', config) },
      tanstack: { path: '/tanstack.html', run: (page) => call(page, 'tanstack', 'idbWarm', config) },
      bare: { path: '/bare.html', run: (page) => call(page, 'bare', 'idbWarm', config) },
    },
    1,
  );
  return {
    series: Object.entries(labels).map(([id, label]) => ({
      id,
      label,
      samples: samples[id],
      note:
        id === 'kith-store'
          ? `a second store in the same tab (chunk loaded): median ${figure(median(again[id]))} ms`
          : id.startsWith('kith')
            ? sourceNote(sources[id])
            : '',
    })),
    notes: [
      `${context.options.rounds} new tabs per side (one more, uncounted, to warm the browser); time from client creation (new QueryClient / openDB) to first data.`,
      'Kith "network held": the client is given a fetch that never answers, so the figure is the IndexedDB path (including the lazy IndexedDB chunk, served from the HTTP cache after the first tab). ' +
        '"live server": the real server answers too; the note says which source came first. ' +
        '"cache store alone": the part of the Kith figure that is the store (its lazy IndexedDB chunk, open, get); the rest is createClient, the token call and the read layer.',
      "Kith persists staff reads only with cache: { persistStaff: true } (the benchmark opts in).",
    ],
  };
}

/** 3. Outbox enqueue at strict durability, the server down (a closed port). */
export async function outboxEnqueue({ browser, config, options }) {
  const page = await browser.open('/all.html');
  try {
    await call(page, 'kith', 'outboxSetup', config);
    await call(page, 'bare', 'outboxSetup');
    const perRound = 20;
    const rounds = Math.max(1, Math.ceil(options.writes / perRound));
    const resolved = [];
    const stored = [];
    const statuses = {};
    const put = [];
    const keyval = [];
    const sides = {
      kith: async (n, keep) => {
        const result = await call(page, 'kith', 'outbox', config, n);
        if (!keep) return;
        resolved.push(...result.resolved);
        stored.push(...result.stored);
        for (const [status, count] of Object.entries(result.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
      },
      put: async (n, keep) => {
        const times = await call(page, 'bare', 'idbPut', config, n);
        if (keep) put.push(...times);
      },
      keyval: async (n, keep) => {
        const times = await call(page, 'bare', 'keyvalSet', config, n);
        if (keep) keyval.push(...times);
      },
    };
    for (const side of Object.values(sides)) await side(5, false); // warm-up, not counted
    for (let round = 0; round < rounds; round++) {
      for (const name of rotate(Object.keys(sides), round)) await sides[name](perRound, true);
    }
    const storedTimes = stored.filter((ms) => ms !== null);
    const series = [
      { id: 'kith-resolved', label: 'Kith write() → result', samples: resolved, note: `results: ${Object.entries(statuses).map(([s, n]) => `${s} ×${n}`).join(', ')}` },
    ];
    if (storedTimes.length > 0) {
      series.push({ id: 'kith-stored', label: 'Kith write() → outbox "change" with the entry', samples: storedTimes, note: `${storedTimes.length} of ${stored.length} writes reported` });
    }
    series.push(
      { id: 'put', label: "bare idb put, durability 'strict'", samples: put, note: 'own readwrite transaction per put' },
      { id: 'keyval', label: 'idb-keyval set (default durability)', samples: keyval, note: '' },
    );
    const notes = [
      `${resolved.length} writes per side after 5 uncounted, sides alternating in rounds of ${perRound}; per-write times (p95 over all writes).`,
      'Kith: baseUrl is a closed loopback port, transport retry: false (one attempt per write); the entry is an interactions.create. ' +
        '"→ change" is the stored moment (the outbox emits it after its strict put); "→ result" adds the refused attempt under the Web Lock (with the other due entries) before `queued`.',
    ];
    if (storedTimes.length === 0) {
      notes.push('Kith\'s outbox reported no stored entry ("change" event): this outbox keeps nothing (the placeholder sends at once), so the Kith figure is one refused attempt, not an IndexedDB enqueue.');
    }
    return { series, notes };
  } finally {
    await page.close();
  }
}

/** 4. Cold read of 10,000 cached records on a new page. */
export async function coldTenThousand(context) {
  const { browser, config, customer } = context;
  const seed = await browser.open('/all.html');
  try {
    await call(seed, 'kith', 'seedTenThousand', config, customer);
    await call(seed, 'tanstack', 'seedTenThousand', config, customer);
    await call(seed, 'bare', 'seedTenThousand', config, customer);
  } finally {
    await seed.close();
  }
  const labels = {
    kith: 'Kith read → first state with 10,000 records',
    tanstack: 'TanStack persistQueryClientRestore → getQueryData',
    getAll: 'bare idb getAll, 10,000 rows',
    getOne: 'bare idb get, one 10,000-item value',
  };
  const { samples, sources } = await newPageRounds(
    context,
    {
      kith: { path: '/kith.html', run: (page) => call(page, 'kith', 'coldTenThousand', config) },
      tanstack: { path: '/tanstack.html', run: (page) => call(page, 'tanstack', 'coldTenThousand', config) },
      getAll: { path: '/bare.html', run: (page) => call(page, 'bare', 'coldGetAll', config) },
      getOne: { path: '/bare.html', run: (page) => call(page, 'bare', 'coldGetOne', config) },
    },
    10_000,
  );
  return {
    series: Object.entries(labels).map(([id, label]) => ({ id, label, samples: samples[id], note: id === 'kith' ? sourceNote(sources[id]) : '' })),
    notes: [
      `${context.options.rounds} new tabs per side (+1 uncounted); every side stores 10,000 customers shaped like the server's own answer (${JSON.stringify(customer).length.toLocaleString('en-US')} B of JSON each).`,
      'Kith: the server pages customer lists by at most 100, so the 10,000-record result (GET /v1/customers?limit=10000) was seeded straight into the SDK cache store (createCacheStore.persist, as the read layer stores any result); the read runs with the network held.',
    ],
  };
}
