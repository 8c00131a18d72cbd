// Evidence for a browser test file that stalls (never reports its end): which test it was in, whether its page still
// runs script, which tabs are open and in front (test-page.mjs keeps the page's progress). Printed once a file has
// run for SAMESURF_STALL_AFTER_MS, and again each time as long again.
const STALL_AFTER_MS = Number(process.env.SAMESURF_STALL_AFTER_MS ?? 90_000);

/** Wraps the Chrome launcher: times each file's session and prints what its page is doing once it runs too long. */
export function watchForStalls(launcher) {
  const started = new Map();
  const reported = new Map();
  const timer = setInterval(async () => {
    for (const [id, { at, url }] of started) {
      const runFor = Date.now() - at;
      if (runFor < STALL_AFTER_MS || runFor - (reported.get(id) ?? -Infinity) < STALL_AFTER_MS) continue;
      reported.set(id, runFor);
      const file = new URL(url, 'http://x').searchParams.get('wtr-test-file');
      const lines = [`\n[stall-watch] ${file} has run for ${Math.round((Date.now() - at) / 1000)} s`];
      try {
        const page = launcher.getPage(id);
        const pages = await page.browser().pages();
        for (const p of pages) {
          const state = await Promise.race([
            p.evaluate(() => `${document.visibilityState}, focus ${document.hasFocus()}`),
            new Promise((r) => setTimeout(() => r('no answer in 5 s'), 5000)),
          ]).catch((e) => `evaluate failed: ${e.message}`);
          lines.push(`  tab${p === page ? ' (this file)' : ''}: ${p.url().slice(0, 120)}: ${state}`);
        }
        const progress = await Promise.race([
          page.evaluate(() => JSON.stringify(window.__samesurfProgress ?? null)),
          new Promise((r) => setTimeout(() => r('no answer in 5 s: the page runs no script'), 5000)),
        ]).catch((e) => `evaluate failed: ${e.message}`);
        lines.push(`  progress: ${progress}`);
      } catch (e) {
        lines.push(`  no page: ${e.message}`);
      }
      console.error(lines.join('\n'));
    }
  }, 5000);
  timer.unref();
  const { startSession, stopSession } = launcher;
  launcher.startSession = async function (id, url) {
    started.set(id, { at: Date.now(), url });
    return startSession.call(this, id, url);
  };
  launcher.stopSession = async function (id) {
    started.delete(id);
    return stopSession.call(this, id);
  };
  return launcher;
}
