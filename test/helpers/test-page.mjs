// The page each browser test file runs in, and the tabs around it. Two ways a single failing test used to stall a
// whole file past testsFinishTimeout, hiding its own failure and every later test's result:
// - a test that opened a real tab (open="tab", the hidden-page tests) and failed before closing it left the test's
//   page in the background, where no animation frame runs: every later test waited for one until its timeout;
// - a failed assertion whose actual or expected value is a DOM node (`expect(el.querySelector('dialog')).to.equal(
//   null)`): the runner sends results with structuredClone, which throws on a node, so the file never reported.
// Now each test starts and ends with its page in front, and a failure's values are made sendable first.

/**
 * Module code for testRunnerHtml, run before the test framework (needs `executeServerCommand` imported): wraps
 * Mocha's runner as the framework starts it, and keeps progress on `window.__samesurfProgress` for stall-watch.mjs.
 */
export const TEST_PAGE_SCRIPT = `
  const progress = (window.__samesurfProgress = { current: '', failed: [], events: [] });
  const note = (what) => {
    progress.events.push(Math.round(performance.now()) + ' ' + what);
    if (progress.events.length > 40) progress.events.shift();
  };
  const sendable = (value) => {
    try {
      structuredClone(value);
      return value;
    } catch {
      return value instanceof Element ? value.outerHTML.slice(0, 300) : String(value);
    }
  };
  const front = () => (document.hidden ? executeServerCommand('tidy-tabs') : undefined);
  const wrapped = new WeakSet();
  let current;
  Object.defineProperty(window, 'mocha', {
    configurable: true,
    get: () => current,
    set(value) {
      current = value;
      if (!value || wrapped.has(value)) return;
      wrapped.add(value);
      const run = value.run;
      value.run = function (...args) {
        this.suite.beforeEach('the test page in front', front);
        this.suite.afterEach('the test page in front', front);
        const runner = run.apply(this, args);
        runner.on('test', (t) => {
          progress.current = t.fullTitle();
          note('start ' + t.title);
        });
        runner.on('test end', (t) => note('end ' + t.title + ' (' + t.state + ')'));
        runner.on('fail', (t, err) => {
          if (err && typeof err === 'object') {
            err.actual = sendable(err.actual);
            err.expected = sendable(err.expected);
          }
          progress.failed.push(t.title + ': ' + String(err && err.message).slice(0, 200));
        });
        runner.on('end', () => note('mocha end'));
        return runner;
      };
    },
  });
`;

/**
 * Server commands for tabs:
 * - `bring-to-front`: the test's page in front (a tab a test opened stays open);
 * - `tidy-tabs`: the same, and any tab a test opened and left open (a room page) closed;
 * - `hide-page`: another tab opened in front, so that the test's page is really hidden (`document.hidden`,
 *   `visibilitychange`); `show-page` closes it and brings the page back.
 */
export function tabsPlugin() {
  const others = new Map();
  return {
    name: 'samesurf-tabs',
    async executeCommand({ command, session }) {
      if (!['bring-to-front', 'tidy-tabs', 'hide-page', 'show-page'].includes(command)) return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'hide-page') {
        const other = await page.browserContext().newPage();
        others.set(session.id, other);
        await other.bringToFront();
        return true;
      }
      await others.get(session.id)?.close();
      others.delete(session.id);
      if (command === 'tidy-tabs') {
        // Test runner's own pages are at about:blank between files or run a test file (wtr-session-id).
        const debris = (await page.browserContext().pages()).filter(
          (p) => p !== page && p.url() !== 'about:blank' && !p.url().includes('wtr-session-id='),
        );
        await Promise.all(debris.map((p) => p.close().catch(() => undefined)));
      }
      await page.bringToFront();
      return true;
    },
  };
}
