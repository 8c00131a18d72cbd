// `npm run bench`: statistics, the results table (markdown) and the issue's targets.

/** { n, median, min, max } of the numbers, or undefined for none. */
export function summarize(xs) {
  if (!xs || xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { n: s.length, median, min: s[0], max: s[s.length - 1] };
}

const group = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const fmtMs = (x) => (Math.abs(x) < 10 ? `${group(x, 1)}` : group(x));
export const fmtBytes = (x) => group(x);
const fmtNodes = (x) => group(x, 1);

/** "142 ms (120–200)" from a summary; "—" without one. */
function cell(sum, fmt, unit) {
  if (!sum) return '— (no run)';
  const range = sum.min === sum.max ? '' : ` (${fmt(sum.min)}–${fmt(sum.max)})`;
  return `${fmt(sum.median)} ${unit}${range}`;
}
const ratio = (a, b) => (a && b && b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : '—');
const ratioOf = (a, b) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);

/**
 * The whole report as markdown. `r`: { meta, samples: Map<string, number[]>, profiles, latencies, coverage, memory,
 * belowFiles, classic: variants, many, errors }.
 */
export function renderReport(r) {
  const S = (key) => summarize(r.samples.get(key));
  const lines = [];
  const out = (s = '') => lines.push(s);
  const m = r.meta;
  const targets = [];
  const target = (what, measured, limit, pass) =>
    targets.push(
      `| ${what} | ${measured} | ${limit} | ${pass === undefined ? '— (not measured)' : pass ? 'pass' : '**miss**'} |`,
    );

  out(`### Benchmarks (\`npm run bench\`, ${m.date})`);
  out();
  out(
    `${m.cpu} × ${m.cores}, ${m.ram} RAM, Chromium ${m.chromium} (headless), Node ${m.node}, ${m.os}. ` +
      `Load average ${m.loadStart} at the start, ${m.loadEnd} at the end (a shared machine: compare ratios, which ` +
      `come from the same run, rather than absolute times). The run took ${m.duration}.`,
  );
  out();
  out(
    `Each figure: the median (min–max) over ${m.runs} runs (${m.throttledRuns} under Fast 3G + 4× CPU; ${m.cycles} cycles in the ` +
      `memory loop), each run in a ` +
      `fresh browser context, the variants interleaved (A B C A B C …). Ratios are of medians. "Bare Lit": a Lit ` +
      `button element, bundled and minified like our CDN entry (${fmtBytes(m.litBytes)} B gzip). "Dialog floor": a ` +
      `library-free element that sends the same create request and opens the same dialog markup with showModal() ` +
      `(${fmtBytes(m.floorBytes)} B gzip). Fast 3G: ${m.fast3g}.`,
  );
  out();

  // Bytes.
  out('#### JavaScript downloaded (gzip bytes of our scripts as served: Resource Timing encodedBodySize, summed)');
  out();
  out('| launcher | when | ours | bare Lit | dialog floor | ours ÷ bare Lit |');
  out('|---|---|---|---|---|---|');
  for (const pos of ['visible', 'below']) {
    for (const when of ['load', 'idle']) {
      const o = S(`bytes.${when}.ours.${pos}`);
      const l = S(`bytes.${when}.lit.visible`);
      const f = S(`bytes.${when}.floor.visible`);
      out(
        `| ${pos === 'visible' ? 'visible' : 'below the fold, never scrolled to'} | ${when === 'load' ? 'at the load event' : 'after idle'} ` +
          `| ${cell(o, fmtBytes, 'B')} | ${cell(l, fmtBytes, 'B')} | ${cell(f, fmtBytes, 'B')} | ${ratio(o, l)} |`,
      );
    }
  }
  out();
  out(
    'The references are one file each, loaded alike with or without an element on the page: their figures come ' +
      'from the pages of the 1,000-launcher runs, after load and after idle.',
  );
  if (r.belowFiles)
    out(
      `Files fetched for the launcher below the fold, after idle: ${r.belowFiles.map((f) => `\`${f}\``).join(', ')}.`,
    );
  if (r.visibleFiles) out(`For the visible one: ${r.visibleFiles.map((f) => `\`${f}\``).join(', ')}.`);
  out();
  const visIdle = S('bytes.idle.ours.visible');
  const belowIdle = S('bytes.idle.ours.below');
  target(
    'Bytes after idle, visible `none`-mode launcher',
    visIdle ? `${fmtBytes(visIdle.median)} B` : '—',
    '≤ 50,000 B',
    visIdle && visIdle.median <= 50000,
  );
  target(
    'Bytes after idle, launcher never scrolled into view: the entry only',
    belowIdle ? `${fmtBytes(belowIdle.median)} B (${r.belowFiles?.length ?? '?'} file(s))` : '—',
    '≤ 9,000 B, one file',
    belowIdle && belowIdle.median <= 9000 && r.belowFiles?.length === 1,
  );

  // Unused JavaScript.
  if (r.coverage) {
    out(
      "#### Unused JavaScript (Lighthouse's arithmetic: unused share of each script × its gzip bytes; flagged from 20 KiB)",
    );
    out();
    out('| page | file | bytes gzip | unused | estimated waste | flagged |');
    out('|---|---|---|---|---|---|');
    let flagged = 0;
    for (const [page, rows] of Object.entries(r.coverage)) {
      for (const row of rows) {
        if (row.flagged) flagged++;
        out(
          `| ${page} | \`${row.file}\` | ${fmtBytes(row.bytes)} | ${row.unusedShare === undefined ? '—' : `${(row.unusedShare * 100).toFixed(0)} %`} ` +
            `| ${row.wasted === undefined ? '—' : `${fmtBytes(Math.round(row.wasted))} B`} | ${row.flagged ? '**yes**' : 'no'} |`,
        );
      }
    }
    out();
    target(
      'Nothing of ours flagged by the unused-JavaScript arithmetic',
      `${flagged} file(s) flagged`,
      'none',
      flagged === 0,
    );
  }

  // Clicks.
  out(
    '#### Click → dialog painted (ms, from the pointerdown to the first painted frame showing the dialog with the room)',
  );
  out();
  out(
    '| click | profile | API latency | ours | ours beyond latency | dialog floor | floor beyond latency | ours ÷ floor | ' +
      'ours ÷ floor, beyond latency |',
  );
  out('|---|---|---|---|---|---|---|---|---|');
  const CLICKS = {
    cold: 'cold: in the first painted frame',
    pre: 'first click, preloaded (after idle)',
    reopen: 'reopen (second click, minimised session)',
  };
  for (const [kind, label] of Object.entries(CLICKS)) {
    for (const [pid, profile] of Object.entries(r.profiles)) {
      for (const lat of r.latencies) {
        const o = S(`click.${kind}.${pid}.${lat}.ours`);
        const f = S(`click.${kind}.${pid}.${lat}.floor`);
        // What is injected on the floor's own path: one request for a first click, none for a reopen.
        const injected = kind === 'reopen' ? 0 : lat;
        const beyond = (s) => s && { ...s, median: s.median - injected, min: s.min - injected, max: s.max - injected };
        const ob = beyond(o);
        const fb = beyond(f);
        out(
          `| ${label} | ${profile.label} | ${lat} ms | ${cell(o, fmtMs, 'ms')} | ${ob ? `${fmtMs(ob.median)} ms` : '—'} ` +
            `| ${cell(f, fmtMs, 'ms')} | ${fb ? `${fmtMs(fb.median)} ms` : '—'} | ${ratio(o, f)} | ${ratio(ob, fb)} |`,
        );
        const x = o && f ? ratioOf(o.median, f.median) : undefined;
        const show = x === undefined ? '—' : `${x.toFixed(2)}× (${fmtMs(o.median)} vs ${fmtMs(f.median)} ms)`;
        if (kind === 'cold' && pid === 'slow')
          target(
            `Cold click, ${profile.label}, ${lat} ms API latency`,
            show,
            '≤ 1.5× floor',
            x === undefined ? undefined : x <= 1.5,
          );
        if (kind === 'reopen' && lat === 100)
          target(
            `Reopen, ${profile.label}, 100 ms API latency`,
            show,
            '≤ 1.5× floor',
            x === undefined ? undefined : x <= 1.5,
          );
        if (kind === 'pre')
          target(
            `Preloaded first click, ${profile.label}, ${lat} ms API latency`,
            show,
            '≤ 1.2× floor',
            x === undefined ? undefined : x <= 1.2,
          );
      }
    }
  }
  out();
  const lags = Object.keys(r.profiles)
    .map((pid) => [r.profiles[pid].label, S(`lag.${pid}`)])
    .filter(([, s]) => s)
    .map(([label, s]) => `${label} ${fmtMs(s.median)} ms (${fmtMs(s.min)}–${fmtMs(s.max)})`);
  out(
    `"Beyond latency": the median less the API latency injected on the floor's own path (one request for a first ` +
      `click, none for a reopen). The cold click is sent as soon as the page reports the launcher's button painted; ` +
      `from that frame to the pointerdown: ${lags.join('; ') || '—'}.`,
  );
  out();

  // Navigation.
  out('#### Navigation → launcher painted (ms, from navigation start to the first frame showing the button)');
  out();
  out('| page | profile | median (min–max) | ÷ ES module entry | ÷ bare Lit |');
  out('|---|---|---|---|---|');
  const NAV = {
    ours: 'ours, ES module entry (`samesurf-launcher.js`)',
    'ours-iife': 'ours, classic script loader (`samesurf-launcher.iife.js` with `data-base`)',
    'ours-bundle': 'ours, single classic file (`samesurf-launcher.bundle.js`)',
    lit: 'bare Lit (ES module)',
    floor: 'dialog floor (ES module)',
  };
  for (const [pid, profile] of Object.entries(r.profiles)) {
    const esm = S(`nav.${pid}.ours`);
    const lit = S(`nav.${pid}.lit`);
    for (const [v, label] of Object.entries(NAV)) {
      const s = S(`nav.${pid}.${v}`);
      if (!s) continue;
      out(`| ${label} | ${profile.label} | ${cell(s, fmtMs, 'ms')} | ${ratio(s, esm)} | ${ratio(s, lit)} |`);
    }
  }
  out();

  // 1,000 launchers.
  out(`#### ${group(r.many)} launchers appended at once (no throttling)`);
  out();
  out('| measure | ours | bare Lit | dialog floor | ours ÷ bare Lit | ours ÷ floor |');
  out('|---|---|---|---|---|---|');
  const MANY = {
    paint: ['append → painted', fmtMs, 'ms'],
    work: ['main-thread work, append → quiet (CDP TaskDuration)', fmtMs, 'ms'],
    heap: ['JS heap per launcher (V8, after GC)', fmtBytes, 'B'],
    blink: ["Blink's heap per launcher (the DOM's objects, after GC)", fmtBytes, 'B'],
    nodes: ['DOM nodes per launcher (shadow trees included)', fmtNodes, ''],
    first: ['JS heap of the first launcher on the page, its code included (once per page)', fmtBytes, 'B'],
  };
  for (const [k, [label, fmt, unit]] of Object.entries(MANY)) {
    const o = S(`many.${k}.ours`);
    const l = S(`many.${k}.lit`);
    const f = S(`many.${k}.floor`);
    out(
      `| ${label} | ${cell(o, fmt, unit)} | ${cell(l, fmt, unit)} | ${cell(f, fmt, unit)} | ${ratio(o, l)} | ${ratio(o, f)} |`,
    );
    const x = o && l ? ratioOf(o.median, l.median) : undefined;
    const show =
      x === undefined ? '—' : `${x.toFixed(2)}× (${fmt(o.median)} vs ${fmt(l.median)} ${unit})`.replace(' )', ')');
    if (k === 'paint')
      target(
        `${group(r.many)} launchers: append → painted`,
        show,
        '≤ 1.5× bare Lit',
        x === undefined ? undefined : x <= 1.5,
      );
    if (k === 'heap') target('Heap per launcher', show, '≤ 2× bare Lit', x === undefined ? undefined : x <= 2);
  }
  out();
  out(
    'Each launcher has its own `start-url` (a distinct configuration). "Quiet": no request for 300 ms and two full ' +
      'idle periods in a row. One launcher is appended first, on its own, and the page left to go quiet: what a page ' +
      'pays once (the code, compiled; for ours the launch code, fetched once a launcher is seen) is its own row, and ' +
      'the 1,000 are what each further launcher adds. Heaps: the growth from before the append, after forced garbage ' +
      'collection.',
  );
  out();

  // Memory.
  if (r.memory && Object.keys(r.memory).length) {
    const half = Math.floor(r.cycles / 2);
    const per = (a, b, n) => (b - a) / n;
    const signed = (x) => `${x >= 0 ? '+' : ''}${group(x, 0)}`;
    out(`#### Memory over ${group(r.cycles)} click-open/close cycles through the UI (no throttling, 0 ms API latency)`);
    out();
    out(
      '| variant | JS heap: start → half-way → end | JS heap per cycle: 1st half, 2nd half | Blink heap: start → end ' +
        '| attached nodes: start → end | live nodes, listeners: start → half-way → end | click → dialog painted in the loop |',
    );
    out('|---|---|---|---|---|---|---|');
    const rows = {};
    for (const [v, mem] of Object.entries(r.memory)) {
      if (!mem) continue;
      const { start: a, mid: b, end: c } = mem;
      rows[v] = { first: per(a.heap, b.heap, half), second: per(b.heap, c.heap, r.cycles - half), mem };
      out(
        `| ${v === 'ours' ? 'ours' : 'dialog floor'} | ${fmtBytes(a.heap)} → ${fmtBytes(b.heap)} → ${fmtBytes(c.heap)} B ` +
          `| ${signed(rows[v].first)} B, ${signed(rows[v].second)} B ` +
          `| ${a.blink === undefined ? '—' : `${fmtBytes(a.blink)} → ${fmtBytes(c.blink)} B`} | ${a.nodes} → ${c.nodes} ` +
          `| ${a.liveNodes} → ${b.liveNodes} → ${c.liveNodes}, ${a.listeners} → ${b.listeners} → ${c.listeners} ` +
          `| ${cell(summarize(mem.opens), fmtMs, 'ms')} |`,
      );
    }
    out();
    out(
      'Each cycle: a real click on the button (trusted input), wait for the dialog painted, then Escape (even cycles) ' +
        "or a click on the dialog's minimise button (odd ones), wait for the frame without it. Start: after the first " +
        'cycle (which creates the room); each reading after two forced garbage collections. The room page in the ' +
        "dialog shares the page's process and counts in every figure. The harness itself keeps a few bytes per click, " +
        "and the browser's buffers (e.g. Resource Timing, up to 250 entries) fill during the first half: hence the " +
        "floor's own growth, against which ours is judged.",
    );
    out();
    const o = rows.ours;
    const f = rows.floor;
    if (o) {
      const { start: a, mid: b, end: c } = o.mem;
      const extra = f ? o.second - f.second : o.second;
      const flat = extra <= 100 && a.nodes === c.nodes && b.liveNodes === c.liveNodes && b.listeners === c.listeners;
      target(
        `Memory flat over ${group(r.cycles)} real click-open/close cycles`,
        `2nd half: ${signed(o.second)} B JS heap per cycle${f ? ` (floor ${signed(f.second)} B)` : ''}; live nodes ` +
          `${b.liveNodes} → ${c.liveNodes}, listeners ${b.listeners} → ${c.listeners}, attached nodes ${a.nodes} → ${c.nodes}`,
        '≤ floor + 100 B per cycle; nodes and listeners unchanged',
        flat,
      );
    }
  }

  out('#### Targets of issue 11 (ratios from this run; a miss does not fail the bench)');
  out();
  out('| target | measured | limit | result |');
  out('|---|---|---|---|');
  for (const t of targets) out(t);
  out();
  if (r.errors.length) {
    out(`#### Errors (${r.errors.length})`);
    out();
    for (const e of r.errors) out(`- ${e}`);
    out();
  }
  return lines.join('\n');
}
