// `npm run bench`: added to every bench page before its own scripts (context.addInitScript), in the top frame only.
// It times what a visitor sees: the painted frame, never an element's updateComplete or an event.
//
// "Painted" here: a condition on the DOM is checked in a requestAnimationFrame callback, which runs at the start of
// a frame's rendering steps; when it holds, the frame being produced shows it, and a task posted from that callback
// runs once the frame's style, layout and paint are done on the main thread. Its performance.now() is the time
// recorded. The task is posted with scheduler.postTask at 'user-blocking' priority so that other queued work (a chunk
// evaluating, a response being handled) does not run first and get counted. What is left out: the compositor and
// the GPU after the main thread (the same for every variant).
//
// A click is timed from its pointerdown's timeStamp (the input's own time: queueing behind busy script counts),
// as Interaction to Next Paint does; the watch for the dialog starts at that pointerdown.
/* global window, document, performance, requestAnimationFrame, requestIdleCallback, scheduler, setTimeout */
(() => {
  if (window !== window.top) return; // not in the room page framed by the dialog
  const now = () => performance.now();
  const post = (fn) =>
    typeof scheduler !== 'undefined' && scheduler.postTask
      ? void scheduler.postTask(fn, { priority: 'user-blocking' })
      : setTimeout(fn, 0);

  /**
   * Calls `done(time)` after the first frame in which `cond()` holds (checked once per frame, in rAF), or
   * `done(undefined, reason)` after `timeoutMs`. `cond` may return null to stop watching.
   */
  function watch(cond, done, timeoutMs) {
    const start = now();
    const tick = () => {
      const ok = cond();
      if (ok === null) return;
      if (ok) return post(() => done(now()));
      if (now() - start > timeoutMs) return done(undefined, `not painted within ${timeoutMs} ms`);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  const target = () => document.querySelector('[data-bench]');
  const button = () => {
    const t = target();
    const root = t?.shadowRoot;
    return root?.querySelector('[part~="button"]') ?? root?.querySelector('button') ?? t?.querySelector('button');
  };
  const laidOut = (el) => {
    if (!el || !el.isConnected) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const dialogs = () => [
    ...document.querySelectorAll('dialog'),
    ...(target()?.shadowRoot?.querySelectorAll('dialog') ?? []),
  ];
  const modal = (d) => d.open && d.matches(':modal');
  /** The room is on screen: a modal dialog, laid out, framing a link (not a dialog still waiting for one). */
  const roomShown = () =>
    dialogs().some(
      (d) =>
        modal(d) &&
        laidOut(d) &&
        [...d.querySelectorAll('iframe')].some((f) => f.getAttribute('src') && f.getAttribute('src') !== 'about:blank'),
    );

  const waiters = [];
  const B = {
    /** performance.now() of the first frame that showed the launcher's button. */
    buttonPainted: undefined,
    /** Our JS (same-origin .js) at the load event. */
    atLoad: undefined,
    /** One per pointerdown: { down, painted } or { down, error }. */
    clicks: [],
    js() {
      return performance
        .getEntriesByType('resource')
        .filter((r) => r.name.startsWith(window.location.origin) && /\.m?js$/.test(new URL(r.name).pathname))
        .map((r) => ({ file: new URL(r.name).pathname, bytes: r.encodedBodySize }));
    },
    /** Resolves with the k-th click's { down, painted } once its dialog has been painted. */
    waitDialog(k) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const c = B.clicks[k - 1];
          if (!c || c.pending) return false;
          if (c.error) reject(new Error(`click ${k}: the dialog was ${c.error}`));
          else resolve({ down: c.down, painted: c.painted });
          return true;
        };
        if (!check()) waiters.push(check);
      });
    },
    /** Resolves with the time of the first frame with no modal dialog. */
    waitClosed(timeoutMs = 30000) {
      return new Promise((resolve, reject) =>
        watch(
          () => !dialogs().some(modal),
          (t, why) => (t === undefined ? reject(new Error(`the dialog was ${why} as closed`)) : resolve(t)),
          timeoutMs,
        ),
      );
    },
    /** The centre of the launcher's button, or of a part inside its open dialog. */
    where(part) {
      const el = part ? dialogs().find(modal)?.querySelector(`[part~="${part}"]`) : button();
      if (!laidOut(el)) return undefined;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    /**
     * Resolves true once two idle periods in a row are full ones (≥ 45 of at most 50 ms: nothing left to do), or
     * false after `maxMs`. Each wait for idle time is bounded: Chromium sometimes gives a page no idle period for
     * seconds (while its frames keep coming), and a page that never idles must not stop the bench.
     */
    calm(maxMs = 10000) {
      const end = now() + maxMs;
      let full = 0;
      return new Promise((resolve) => {
        const step = () => {
          if (now() > end) return resolve(false);
          requestIdleCallback(
            (d) => {
              full = !d.didTimeout && d.timeRemaining() >= 45 ? full + 1 : 0;
              if (full >= 2) resolve(true);
              else setTimeout(step, 10);
            },
            { timeout: 500 },
          );
        };
        step();
      });
    },
    /** Nodes in the document, shadow roots and their contents included. */
    countNodes() {
      let n = 0;
      const walk = (node) => {
        n++;
        if (node.shadowRoot) walk(node.shadowRoot);
        for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
      };
      walk(document);
      return n;
    },
    /** Appends `n` elements at once; resolves with the time from before the first is made to the painted frame. */
    async appendMany(n, tag, attributes, label) {
      const host = document.getElementById('host');
      const t0 = now();
      const els = [];
      for (let i = 0; i < n; i++) {
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v.replace('{i}', String(i)));
        el.textContent = label;
        els.push(el);
      }
      host.append(...els);
      const painted = await new Promise((resolve, reject) =>
        watch(
          () => laidOut(host.lastElementChild?.shadowRoot?.querySelector('button')),
          (t, why) => (t === undefined ? reject(new Error(`${n} ${tag}: ${why}`)) : resolve(t)),
          60000,
        ),
      );
      return painted - t0;
    },
  };
  window.__bench = B;

  window.addEventListener('load', () => (B.atLoad = B.js()));

  // The first frame that shows the launcher's button (pages without a [data-bench] element stop looking at load).
  watch(
    () => (laidOut(button()) ? true : document.readyState === 'complete' && !target() ? null : false),
    (t) => {
      if (t === undefined) return;
      B.buttonPainted = t;
      // Tells the bench where to click, as soon as there is something to click.
      window.__benchButtonPainted?.({ t, ...B.where() });
    },
    120000,
  );

  window.addEventListener(
    'pointerdown',
    (e) => {
      // A click inside the open dialog (its minimise button) is not a launch.
      if (dialogs().some(modal)) return;
      const c = { down: e.timeStamp, pending: true };
      B.clicks.push(c);
      watch(
        roomShown,
        (t, why) => {
          c.pending = false;
          if (t === undefined) c.error = why;
          else c.painted = t;
          for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]()) waiters.splice(i, 1);
        },
        60000,
      );
    },
    { capture: true },
  );
})();
