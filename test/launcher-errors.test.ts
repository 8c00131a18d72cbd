import { expect, oneEvent } from '@open-wc/testing';
import type { SameSurfErrorDetail } from '../src/index.js';
import { control, inject, requestCounts, reset } from './helpers/emulator.js';
import {
  announced,
  api,
  base,
  click,
  dialogOf,
  emulatorAttrs,
  mount,
  part,
  until,
  type Mounted,
} from './helpers/launcher.js';

const errorDetail = (m: Mounted) => m.errors.at(-1)!.detail as SameSurfErrorDetail;

describe('<samesurf-launcher> configuration errors', () => {
  beforeEach(reset);
  const cases: [string, Record<string, string | null>, string][] = [
    ['no way to authenticate', { 'api-key': null, 'api-base': null }, 'api-key'],
    ['invite mode without a room', { mode: 'invite' }, 'room'],
    ['join mode without a room', { mode: 'join' }, 'room'],
    ['an unknown mode', { mode: 'party' }, 'mode'],
    ['an invalid start-url', { 'start-url': 'not a url' }, 'start-url'],
    ['a javascript: start-url', { 'start-url': 'javascript:alert(1)' }, 'start-url'],
    ['a zero usage-limit', { 'usage-limit': '0' }, 'usage-limit'],
    ['a non-numeric usage-limit', { mode: 'invite', room: '123', 'usage-limit': 'lots' }, 'usage-limit'],
    ['bad bookmarks JSON', { bookmarks: '[{name: "x"}]' }, 'bookmarks'],
    ['bookmarks of the wrong shape', { bookmarks: '[{"name": "x"}]' }, 'bookmarks'],
    ['an unknown feature', { 'disabled-features': 'TOOLS_VIDEO_CHAT, TOOLS_TELEPORT' }, 'disabled-features'],
    ['an invalid realtime-origin', { 'realtime-origin': 'realtime.samesurf.com' }, 'realtime-origin'],
    ['both api-key and token-url', { 'token-url': '/token' }, 'token-url'],
    ['an invalid open', { open: 'window' }, 'open'],
  ];
  for (const [what, attrs, attribute] of cases) {
    it(`explains ${what} inline, with one samesurf-error and one console.warn naming ${attribute}`, async () => {
      const m = await mount({ ...emulatorAttrs(), ...attrs });
      await until(() => m.errors.length > 0, 'samesurf-error');
      expect(errorDetail(m).code).to.equal('config');
      expect(errorDetail(m).attribute).to.equal(attribute);
      await m.el.updateComplete;
      const message = part(m.el, 'error')!;
      expect(message.textContent).to.contain('not set up correctly', 'shown to the developer (localhost)');
      const button = part(m.el, 'button');
      expect(!button || getComputedStyle(button).display === 'none').to.equal(
        true,
        'the message stands in place of the button',
      );
      expect(m.el.getAttribute('state')).to.equal('error');
      await m.el.launch();
      m.el.setAttribute('data-unrelated', 'x');
      await new Promise((r) => setTimeout(r, 50));
      expect(m.warnings).to.have.length(1);
      expect(String(m.warnings[0]![0])).to.contain(`${attribute}:`);
      expect(m.errors).to.have.length(1, 'reported once, not on every render');
      expect((await requestCounts()).create ?? 0).to.equal(0);
      await expect(m.el).to.be.accessible();
    });
  }

  it('recovers when the attribute is fixed', async () => {
    const m = await mount({ ...emulatorAttrs(), 'usage-limit': '0' });
    await until(() => m.errors.length > 0, 'samesurf-error');
    m.el.setAttribute('usage-limit', '2');
    await until(() => part(m.el, 'button') !== null, 'the button back');
  });

  for (const [what, attrs, setSecret] of [
    ['an api-secret attribute', { 'api-secret': 'demo-secret' }, false],
    ['a secret in api-key', { 'api-key': 'demo-secret' }, false],
    ['an apiSecret property', {}, true],
  ] as const) {
    it(`refuses ${what} with a console error, and never calls the API`, async () => {
      const m = await mount({ ...emulatorAttrs(), ...attrs });
      if (setSecret) (m.el as unknown as { apiSecret: string }).apiSecret = 'demo-secret';
      await until(() => m.errors.length > 0, 'samesurf-error');
      expect(errorDetail(m).code).to.equal('secret');
      expect(m.consoleErrors).to.have.length(1);
      expect(String(m.consoleErrors[0]![0])).to.contain('secret');
      expect(await m.el.launch()).to.equal(false);
      expect(await requestCounts()).to.deep.equal({});
    });
  }
});

describe('<samesurf-launcher> faults: a specific message, a retry, never stuck', () => {
  beforeEach(reset);
  const faults: [string, object, string, string, number?][] = [
    ['an invalid JWT (101)', { errorcode: 101, status: 401 }, 'api', 'did not accept this site’s credentials', 101],
    ['a room that is gone (102)', { errorcode: 102 }, 'api', 'no longer available', 102],
    ['another API error (125)', { errorcode: 125 }, 'api', 'could not start a session (error 125)', 125],
    ['HTTP 500', { status: 500 }, 'http', 'having trouble'],
    ['HTTP 429', { status: 429, retryAfter: 1 }, 'http', 'Too many requests'],
    ['HTTP 404', { status: 404 }, 'http', 'unexpectedly (HTTP 404)'],
    ['malformed JSON', { malformed: true }, 'parse', 'could not be read'],
    ['an empty body', { empty: true }, 'parse', 'could not be read'],
    ['a dropped connection', { drop: true }, 'connection', 'Could not reach'],
    ['a timeout', { delayMs: 1500 }, 'timeout', 'took too long'],
  ];
  for (const [what, fault, code, text, errorcode] of faults) {
    it(`handles ${what}`, async () => {
      await inject({ call: 'create', ...fault });
      const m = await mount({ ...emulatorAttrs(), timeout: '400' });
      const failed = oneEvent(m.el, 'samesurf-error');
      await click(part(m.el, 'button')!);
      const { detail } = (await failed) as CustomEvent<SameSurfErrorDetail>;
      expect(detail.code).to.equal(code);
      expect(detail.message).to.contain(text);
      expect(detail.errorcode).to.equal(errorcode);
      await m.el.updateComplete;
      const box = part(m.el, 'error')!;
      expect(box.textContent).to.contain(text);
      expect(announced(m.el)).to.contain(text, 'announced through the live region');
      expect(part(m.el, 'button')!.getAttribute('aria-busy')).to.equal('false');
      expect(m.el.getAttribute('state')).to.equal('error');
      await expect(m.el).to.be.accessible();
      // The fault is used up: retry works (a credentials error offers no retry: trying again cannot help).
      const shown = oneEvent(m.el, 'samesurf-after-show');
      if (errorcode === 101) {
        expect(part(m.el, 'retry-button')).to.equal(null);
        await click(part(m.el, 'button')!);
      } else await click(part(m.el, 'retry-button')!);
      await shown;
      expect(part(m.el, 'error') === null).to.equal(true, 'the error is gone');
    });
  }

  it('says so when the browser is offline', async () => {
    // Chromium's offline emulation would also cut the test runner's own connection, so here the
    // network failure is real (a closed port) and only navigator.onLine is set; the end-to-end
    // suite covers true offline mode with Playwright.
    const m = await mount({ ...emulatorAttrs(), 'api-base': 'http://127.0.0.1:9/api/v3' });
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const failed = oneEvent(m.el, 'samesurf-error');
    await m.el.launch();
    const { detail } = (await failed) as CustomEvent<SameSurfErrorDetail>;
    expect(detail.code).to.equal('offline');
    await m.el.updateComplete;
    expect(part(m.el, 'error')!.textContent).to.contain('offline');
    delete (navigator as unknown as Record<string, unknown>).onLine;
    expect(navigator.onLine).to.equal(true);
  });

  it('reports a failing token-url as such', async () => {
    const m = await mount({
      'api-base': emulatorAttrs()['api-base'],
      'realtime-origin': base,
      'token-url': '/no-such-token-endpoint',
    });
    const failed = oneEvent(m.el, 'samesurf-error');
    await click(part(m.el, 'button')!);
    const { detail } = (await failed) as CustomEvent<SameSurfErrorDetail>;
    expect(detail.code).to.equal('token');
    expect(detail.message).to.contain('permission');
  });
});

describe('<samesurf-launcher> invitation links', () => {
  beforeEach(reset);
  // (Test titles stay free of markup: the runner's page would render it.)
  const hostile: [string, string][] = [
    ['a javascript: link', 'javascript:void(window.pwned = true)'],
    ['a data: link', 'data:text/html,<h1>pwned</h1>'],
    ['a link to another host', 'https://evil.example/realtime/1/2'],
    ['an https link on an unlisted origin', `${base.replace('http:', 'https:')}/realtime/1/2`],
  ];
  for (const [what, link] of hostile) {
    it(`never frames or opens ${what}`, async () => {
      await inject({ call: 'create', patch: { privateinvitation: link, publicinvitation: link } });
      const m = await mount(emulatorAttrs());
      const failed = oneEvent(m.el, 'samesurf-error');
      await click(part(m.el, 'button')!);
      const { detail } = (await failed) as CustomEvent<SameSurfErrorDetail>;
      expect(detail.code).to.equal('link');
      await m.el.updateComplete;
      // Nothing framed or shown (the page's first launcher may keep its dialog rendered, closed, for the next click).
      expect(m.el.shadowRoot!.querySelectorAll('iframe, dialog[open]').length).to.equal(0);
      expect(part(m.el, 'error')!.textContent).to.contain('unexpected address');
      expect((window as unknown as { pwned?: boolean }).pwned).to.equal(undefined);
    });
  }

  it("refuses the emulator's plain-http links unless realtime-origin lists them (the default is the real service only)", async () => {
    const m = await mount({ ...emulatorAttrs(), 'realtime-origin': null });
    const failed = oneEvent(m.el, 'samesurf-error');
    await click(part(m.el, 'button')!);
    expect(((await failed) as CustomEvent<SameSurfErrorDetail>).detail.code).to.equal('link');
    m.el.setAttribute('realtime-origin', `https://realtime.samesurf.com ${base}`);
    const shown = oneEvent(m.el, 'samesurf-after-show');
    expect(part(m.el, 'retry-button')).to.equal(null, 'a refused link is a setup problem: no retry');
    await click(part(m.el, 'button')!);
    await shown;
    expect(dialogOf(m.el).open).to.equal(true);
    expect((await api().runningRooms()).totalrooms).to.equal(2, 'the refused room was created, not opened');
    expect((await control(`rooms/${(await api().runningRooms()).rooms[0]!.room}`, undefined, 'GET')).users).to.equal(0);
  });
});
