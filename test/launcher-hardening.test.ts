import { expect, oneEvent } from '@open-wc/testing';
import type { SameSurfErrorDetail } from '../src/index.js';
import { inject, requestCounts, reset } from './helpers/emulator.js';
import {
  apiBase,
  base,
  click,
  createByClick,
  dialogOf,
  emulatorAttrs,
  mount,
  part,
  until,
} from './helpers/launcher.js';

const STORAGE_PREFIX = 'samesurf-launcher:';
const storedKeys = () => Object.keys(sessionStorage).filter((k) => k.startsWith(STORAGE_PREFIX));
const frameSrc = (el: Element) => el.shadowRoot!.querySelector('iframe')?.getAttribute('src') ?? undefined;

describe('<samesurf-launcher> with a token-url that never answers', () => {
  beforeEach(reset);
  const hanging = () => ({
    'api-base': apiBase,
    'realtime-origin': base,
    'token-url': '/__token-hang',
    timeout: '300',
  });

  it('gives up after timeout (the token included) with a samesurf-error, and nothing is sent', async () => {
    const m = await mount(hanging());
    const failed = oneEvent(m.el, 'samesurf-error');
    await click(part(m.el, 'button')!);
    const { detail } = (await failed) as CustomEvent<SameSurfErrorDetail>;
    expect(detail.code).to.equal('timeout');
    await m.el.updateComplete;
    expect(m.el.getAttribute('state')).to.equal('error');
    expect(part(m.el, 'button')!.getAttribute('aria-busy')).to.equal('false');
    expect((await requestCounts()).create ?? 0).to.equal(0);
  });

  it('is cancelled by removing the element; put back and fixed, the next click works', async () => {
    const m = await mount({ ...hanging(), timeout: '600000' });
    const host = m.el.parentElement!;
    const pending = m.el.launch();
    await until(() => m.el.getAttribute('state') === 'busy', 'busy');
    m.el.remove();
    expect(await pending).to.equal(false, "the removed launcher's launch ended");
    expect(m.errors).to.have.length(0, 'removal is silent');
    m.el.setAttribute('token-url', '/__token');
    host.append(m.el);
    await m.el.updateComplete;
    await createByClick(m.el);
    expect(dialogOf(m.el).open).to.equal(true);
  });
});

describe('<samesurf-launcher> timeouts above the timer maximum', () => {
  beforeEach(reset);
  for (const timeout of ['3000000000', '2147483648']) {
    it(`timeout="${timeout}" waits for a slow answer instead of failing at once`, async () => {
      await inject({ call: 'create', delayMs: 150 });
      const m = await mount({ ...emulatorAttrs(), timeout });
      await createByClick(m.el);
      expect(m.errors).to.have.length(0);
    });
  }
});

describe('<samesurf-launcher> saved sessions are checked like fresh links', () => {
  beforeEach(reset);

  /** Makes a room through a launcher, so that a session is saved; then tampers with it as a script of the page could. */
  async function savedThen(tamper: (saved: Record<string, unknown>) => void): Promise<string> {
    const first = await mount(emulatorAttrs());
    await createByClick(first.el);
    await first.el.hide();
    first.el.remove();
    const [key] = storedKeys();
    expect(key, 'a saved session').to.be.a('string');
    const saved = JSON.parse(sessionStorage.getItem(key!)!) as Record<string, unknown>;
    tamper(saved);
    sessionStorage.setItem(key!, JSON.stringify(saved));
    return key!;
  }

  for (const [what, link] of [
    ['a javascript: link', 'javascript:void(window.pwned = true)'],
    ['a link to another host', 'https://evil.example/realtime/1/2'],
  ] as const) {
    it(`drops a saved session with ${what} and makes a new room`, async () => {
      const key = await savedThen((s) => {
        s.rejoinLink = link;
        s.link = link;
      });
      const m = await mount(emulatorAttrs());
      const fresh = await createByClick(m.el);
      expect(frameSrc(m.el)).to.equal(fresh.privateinvitation);
      expect((window as unknown as { pwned?: boolean }).pwned).to.equal(undefined);
      expect(JSON.parse(sessionStorage.getItem(key)!).rejoinLink).to.equal(fresh.privateinvitation);
    });
  }

  it('drops a saved session whose origin is no longer in realtime-origin', async () => {
    const key = await savedThen(() => undefined);
    // Same configuration key (realtime-origin is not part of it), but the emulator's origin is no longer allowed.
    const m = await mount({ ...emulatorAttrs(), 'realtime-origin': 'https://realtime.samesurf.com' });
    await until(() => sessionStorage.getItem(key) === null, 'the saved session forgotten');
    const failed = oneEvent(m.el, 'samesurf-error');
    await click(part(m.el, 'button')!);
    expect(((await failed) as CustomEvent<SameSurfErrorDetail>).detail.code).to.equal(
      'link',
      "the new room's link is refused too",
    );
    expect(m.el.shadowRoot!.querySelector('iframe')).to.equal(null);
  });
});

describe('<samesurf-launcher> bookmarks', () => {
  beforeEach(reset);
  for (const link of ['javascript:alert(1)', 'data:text/html,x', 'JAVASCRIPT:alert(1)']) {
    it(`refuses a bookmark link "${link.slice(0, 12)}…" as a configuration error naming bookmarks`, async () => {
      const m = await mount({ ...emulatorAttrs(), bookmarks: JSON.stringify([{ name: 'Home', link }]) });
      await until(() => m.errors.length > 0, 'samesurf-error');
      const detail = m.errors[0]!.detail as SameSurfErrorDetail;
      expect(detail.code).to.equal('config');
      expect(detail.attribute).to.equal('bookmarks');
      expect(String(m.warnings[0]?.[0])).to.contain('http');
      await m.el.launch();
      expect((await requestCounts()).create ?? 0).to.equal(0);
    });
  }

  it('refuses bookmarks set as a property too', async () => {
    const m = await mount(emulatorAttrs());
    m.el.bookmarks = [{ name: 'x', link: 'javascript:alert(1)' }];
    await until(() => m.errors.length > 0, 'samesurf-error');
    expect((m.errors[0]!.detail as SameSurfErrorDetail).attribute).to.equal('bookmarks');
  });
});
