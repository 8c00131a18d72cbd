import { expect, fixture, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html } from 'lit';
import type { SameSurfLauncher } from '../src/index.js';
import type { CreateLimitedUseTokenResponse, CreateRoomResponse, SameSurfBeforeCreateDetail } from '../src/index.js';
import { control, endRoom, inject, requestCounts, reset } from './helpers/emulator.js';
import {
  api,
  base,
  buttonLabel,
  click,
  createByClick,
  dialogOf,
  emulatorAttrs,
  nextEvent,
  announcedInDialog,
  launcher,
  mount,
  openByClick,
  part,
  roomUsers,
  until,
} from './helpers/launcher.js';

const frameSrc = (el: Element) => el.shadowRoot!.querySelector('iframe')!.src;

/** A session whose room has ended meanwhile, re-entered by a click: the dialog is open on the ended layer. */
async function reenterEnded() {
  const el = await launcher();
  const first = await createByClick(el);
  await el.hide();
  await endRoom(first.room);
  await openByClick(el);
  await until(() => part(el, 'ended') != null, 'the ended layer');
  return { el, first };
}

describe('<samesurf-launcher> sessions: nothing is lost', () => {
  beforeEach(reset);

  it('keeps the room when the modal closes and re-enters the same invitation on the next click', async () => {
    const el = await launcher();
    const created = oneEvent(el, 'samesurf-created');
    await openByClick(el);
    const room = ((await created) as CustomEvent<CreateRoomResponse>).detail;
    const frame = el.shadowRoot!.querySelector('iframe')!;
    await el.hide();
    expect(buttonLabel(el)).to.equal('Live: return to co-browsing');
    expect(el.getAttribute('state')).to.equal('live');
    await openByClick(el);
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(frame, 'the same frame, never reloaded');
    expect(frameSrc(el)).to.equal(room.privateinvitation);
    // Checked in the background, after the dialog opened.
    await until(async () => (await requestCounts()).find === 1, 'checks the room still runs');
    expect((await requestCounts()).create).to.equal(1);
    expect((await roomUsers(room.room)).length).to.equal(1, 'joined once');
  });

  it('reopens at once: the dialog is open before the check that the room runs has answered', async () => {
    const el = await launcher();
    await openByClick(el);
    await el.hide();
    await inject({ call: 'find', delayMs: 3000 });
    const findDone = () => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/find'));
    performance.clearResourceTimings();
    await click(part(el, 'button')!);
    await until(() => dialogOf(el).open, 'the dialog open');
    // A resource timing entry appears only once a response has fully arrived.
    expect(findDone()).to.equal(false, 'no answer to find yet');
    await until(() => (requestCounts() as Promise<Record<string, number>>).then((c) => c.find === 1), 'find sent');
  });

  it('says so in the open dialog when the re-entered room had ended, and starts a new one on request', async () => {
    const { el, first } = await reenterEnded();
    expect(part(el, 'ended')!.textContent).to.contain('This co-browsing session has ended.');
    await until(() => announcedInDialog(el) === 'This co-browsing session has ended.', 'announced in the dialog');
    expect(dialogOf(el).open).to.equal(true, 'the dialog stays open');
    expect(part(el, 'share-button')).to.equal(null, 'no guests invited into a room that has ended');
    await expect(el).to.be.accessible();
    const created = nextEvent(el, 'samesurf-created');
    await click(part(el, 'start-new-button')!);
    const { detail } = await created;
    await until(() => part(el, 'ended') == null, 'the ended layer gone');
    expect(frameSrc(el)).to.not.equal(first.privateinvitation);
    expect(detail.mode === 'room' && frameSrc(el) === detail.privateinvitation).to.equal(true, 'the new room shown');
    expect(dialogOf(el).open).to.equal(true);
    expect(part(el, 'share-button')).to.not.equal(null, 'the new room can be shared');
    expect((await requestCounts()).create).to.equal(2);
  });

  it('after "ended", closing the dialog forgets that session: the next click makes a new room', async () => {
    const { el, first } = await reenterEnded();
    await el.hide();
    expect(buttonLabel(el)).to.not.match(/^Live/);
    const second = await createByClick(el);
    expect(second.room).to.not.equal(first.room);
    expect(part(el, 'ended')).to.equal(null);
  });

  it('rejoins the open room after a reload of the page (sessionStorage), within the age limit', async () => {
    const first = await launcher();
    await first.launch();
    const link = frameSrc(first);
    first.remove();
    // A reload: a new element, the same tab's sessionStorage.
    const again = await launcher();
    await until(() => buttonLabel(again).startsWith('Live'), 'the live label');
    await openByClick(again);
    expect(frameSrc(again)).to.equal(link);
    expect((await requestCounts()).create).to.equal(1);
    again.remove();

    // Too old: a new room.
    for (const key of Object.keys(sessionStorage)) {
      const entry = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...entry, createdAt: Date.now() - 3 * 3600_000 }));
    }
    const stale = await launcher();
    await stale.launch();
    expect(frameSrc(stale)).to.not.equal(link);
    expect((await requestCounts()).create).to.equal(2);
  });

  it('reset() forgets the session: the next click creates a new room', async () => {
    const el = await launcher();
    await el.launch();
    const link = frameSrc(el);
    await el.reset();
    expect(el.shadowRoot!.querySelectorAll('iframe, dialog[open]').length).to.equal(0);
    const label = el.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
    expect(
      label
        .assignedNodes()
        .map((n) => n.textContent)
        .join(''),
    ).to.equal('Co-browse with us', "the page's own label is back");
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('samesurf-launcher:'))).to.have.length(0);
    await el.launch();
    expect(frameSrc(el)).to.not.equal(link);
  });

  it('lets the page amend the request in samesurf-before-create, or cancel it', async () => {
    const el = await mount({
      ...emulatorAttrs(),
      'start-url': 'https://shop.example/cart',
      'room-title': 'Cart help',
      'disabled-features': 'TOOLS_VIDEO_CHAT,MODE_LOGOUT',
      bookmarks: '[{"name":"Home","link":"https://shop.example"}]',
    });
    el.el.addEventListener(
      'samesurf-before-create',
      (e) => {
        const detail = e.detail as Extract<SameSurfBeforeCreateDetail, { mode: 'room' }>;
        expect(detail.mode).to.equal('room');
        detail.request.session = {
          cookies: [{ domain: 'shop.example', path: '/', name: 'cart', value: '42', secure: true, httponly: true }],
        };
      },
      { once: true },
    );
    const created = oneEvent(el.el, 'samesurf-created');
    await el.el.launch();
    const { room } = ((await created) as CustomEvent<CreateRoomResponse>).detail;
    const stored = await control(`rooms/${room}`, undefined, 'GET');
    expect(stored.starturl).to.equal('https://shop.example/cart');
    expect(stored.title).to.equal('Cart help');
    expect(stored.disabledfeatures).to.deep.equal(['TOOLS_VIDEO_CHAT', 'MODE_LOGOUT']);
    expect(stored.bookmarks).to.deep.equal([{ name: 'Home', link: 'https://shop.example' }]);
    expect(stored.session.cookies[0].value).to.equal('42');

    await el.el.reset();
    el.el.addEventListener('samesurf-before-create', (e) => e.preventDefault(), { once: true });
    expect(await el.el.launch()).to.equal(false);
    expect((await requestCounts()).create).to.equal(1);
    expect(el.errors).to.have.length(0);
    expect(el.el.getAttribute('state')).to.equal('idle');
  });

  it('takes bookmarks as a property too', async () => {
    const el = await launcher();
    el.bookmarks = [{ name: 'Docs', link: 'https://docs.example' }];
    const created = oneEvent(el, 'samesurf-created');
    await el.launch();
    const { room } = ((await created) as CustomEvent<CreateRoomResponse>).detail;
    expect((await control(`rooms/${room}`, undefined, 'GET')).bookmarks).to.deep.equal([
      { name: 'Docs', link: 'https://docs.example' },
    ]);
  });

  it('enters under user-name in room mode, as leader, through a named invitation', async () => {
    const el = await launcher('Go', { 'user-name': 'Agent Kim' });
    el.setAttribute('user-name', 'Agent Kim');
    const created = oneEvent(el, 'samesurf-created');
    await el.launch();
    const { room } = ((await created) as CustomEvent<CreateRoomResponse>).detail;
    await until(async () => (await roomUsers(room)).length === 1, 'the join');
    const [user] = await roomUsers(room);
    expect([user!.name, user!.host]).to.deep.equal(['Agent Kim', true]);
  });
});

describe('<samesurf-launcher token-url>', () => {
  beforeEach(reset);

  it("gets each bearer token from the page's own endpoint, so no key is in the page", async () => {
    const m = await mount({
      'api-base': emulatorAttrs()['api-base'],
      'realtime-origin': base,
      'token-url': '/__token',
    });
    const { room } = await createByClick(m.el);
    expect((await control(`rooms/${room}`, undefined, 'GET')).subscription).to.equal('demo');
    expect(m.errors).to.have.length(0);
  });
});

describe('<samesurf-launcher mode="invite">', () => {
  beforeEach(reset);

  it('creates a limited-use invitation into the room and enters through it', async () => {
    const { room } = await api().createRoom({ title: 'Support' });
    const m = await mount({
      ...emulatorAttrs(),
      mode: 'invite',
      room,
      'usage-limit': '2',
      leader: '',
      'user-name': 'Ana',
    });
    const before = oneEvent(m.el, 'samesurf-before-create');
    const created = oneEvent(m.el, 'samesurf-created');
    await click(part(m.el, 'button')!);
    const request = ((await before) as CustomEvent<SameSurfBeforeCreateDetail>).detail;
    expect(request).to.deep.equal({
      mode: 'invite',
      request: { room, usagelimit: 2, isleader: true, usersname: 'Ana' },
    });
    const { link } = ((await created) as CustomEvent<CreateLimitedUseTokenResponse>).detail;
    await oneEvent(m.el, 'samesurf-after-show');
    expect(frameSrc(m.el)).to.equal(link);
    expect(part(m.el, 'share') === null).to.equal(true, 'no guest panel for an invitation');
    await until(async () => (await roomUsers(room)).length === 1, 'the join');
    expect((await roomUsers(room))[0]).to.include({ name: 'Ana', host: true });
    await m.el.hide();
    await m.el.launch();
    expect((await requestCounts()).createlimitedusetoken).to.equal(1, 'the open frame is reused, not a second use');
    await expect(m.el).to.be.accessible();
  });
});

describe('<samesurf-launcher open="tab">', () => {
  beforeEach(reset);

  it('opens the room in a new tab and says so', async () => {
    const m = await mount({ ...emulatorAttrs(), open: 'tab' });
    // Keep a handle on the real tab to close it after: left open it would hold the foreground.
    const realOpen = window.open;
    const opened: (Window | null)[] = [];
    window.open = (...args: Parameters<typeof window.open>) => {
      const w = realOpen.apply(window, args);
      opened.push(w);
      return w;
    };
    try {
      const created = oneEvent(m.el, 'samesurf-created');
      await click(part(m.el, 'button')!);
      const { room } = ((await created) as CustomEvent<CreateRoomResponse>).detail;
      await until(async () => (await roomUsers(room)).length === 1, 'the tab to open the room page');
      expect((await roomUsers(room))[0]!.host).to.equal(true);
      await until(() => m.el.shadowRoot!.querySelector('.status')!.textContent!.includes('new tab'), 'the status line');
      expect(m.el.shadowRoot!.querySelectorAll('dialog').length).to.equal(0);
      expect(opened).to.have.length(1);
    } finally {
      window.open = realOpen;
      opened.forEach((w) => w?.close());
      await executeServerCommand('bring-to-front');
    }
  });
});

describe('<samesurf-launcher open="tab"> with a popup blocker', () => {
  beforeEach(reset);

  it('offers the link inline and reports it when the browser blocks the tab', async () => {
    // The test browser runs with popup blocking off; a blocker's documented answer is window.open() → null.
    const realOpen = window.open;
    window.open = () => null;
    const m = await mount({ ...emulatorAttrs(), open: 'tab' });
    const failed = oneEvent(m.el, 'samesurf-error');
    expect(await m.el.launch()).to.equal(false);
    expect(((await failed) as CustomEvent).detail.code).to.equal('popup');
    await m.el.updateComplete;
    const link = m.el.shadowRoot!.querySelector<HTMLAnchorElement>('.status a')!;
    const [room] = (await api().runningRooms()).rooms;
    expect(link.href).to.equal(room!.publicinvitation, 'the leader link (runningrooms names it publicinvitation)');
    expect(link.target).to.equal('_blank');
    expect(m.el.shadowRoot!.querySelector('.status')!.textContent).to.contain('blocked the new tab');
    await expect(m.el).to.be.accessible();
    window.open = realOpen;
  });
});

describe('<samesurf-launcher> on real pages', () => {
  beforeEach(reset);

  it('aborts the request when removed mid-request: no error, no room, no listeners left behind', async () => {
    await inject({ call: 'create', delayMs: 600 });
    const added = new Map<string, number>();
    const { addEventListener: add, removeEventListener: remove } = document;
    document.addEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      added.set(type, (added.get(type) ?? 0) + 1);
      return (add as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.addEventListener;
    document.removeEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      added.set(type, (added.get(type) ?? 0) - 1);
      return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.removeEventListener;
    const m = await mount(emulatorAttrs());
    const pending = m.el.launch();
    await until(() => m.el.getAttribute('state') === 'busy', 'busy');
    m.el.remove();
    expect(await pending).to.equal(false);
    await new Promise((r) => setTimeout(r, 800));
    expect(m.errors).to.have.length(0);
    expect(m.consoleErrors).to.have.length(0);
    expect((await api().runningRooms()).totalrooms).to.equal(0, 'the aborted request never created a room');

    // Removed while open: scroll unlocked, document listeners gone.
    const open = await mount(emulatorAttrs());
    await open.el.launch();
    open.el.remove();
    expect(getComputedStyle(document.documentElement).overflow).to.not.equal('hidden');
    expect([...added.values()].every((n) => n === 0)).to.equal(true, JSON.stringify([...added]));
    document.addEventListener = add;
    document.removeEventListener = remove;
  });

  it('survives the script being loaded twice', async () => {
    const first = customElements.get('samesurf-launcher');
    await import(
      /* a second copy of the module, as a page that includes the script twice */ `/src/define.ts?again=${Date.now()}`
    );
    expect(customElements.get('samesurf-launcher')).to.equal(first);
    const el = await launcher();
    expect(await el.launch()).to.equal(true);
  });

  it('runs two launchers on one page, each with its own room', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <samesurf-launcher id="a" api-key="demo-key" api-base=${api().baseUrl} realtime-origin=${base} start-url="https://a.example">A</samesurf-launcher>
      <samesurf-launcher id="b" api-key="demo-key" api-base=${api().baseUrl} realtime-origin=${base} start-url="https://b.example">B</samesurf-launcher>
    </div>`);
    const [a, b] = [page.querySelector<SameSurfLauncher>('#a')!, page.querySelector<SameSurfLauncher>('#b')!];
    await a.launch();
    await a.hide();
    await b.launch();
    expect(frameSrc(a)).to.not.equal(frameSrc(b));
    expect(dialogOf(b).open && !dialogOf(a).open).to.equal(true);
    expect((await api().runningRooms()).totalrooms).to.equal(2);
  });

  it('keeps the open session when attributes change while open, and applies them to the next one', async () => {
    const el = await launcher();
    await el.launch();
    const link = frameSrc(el);
    el.setAttribute('start-url', 'https://example.com/other');
    el.setAttribute('mode', 'invite'); // invalid without a room: reported, but the open room stays
    await until(() => part(el, 'error') !== null, 'the config message');
    expect(dialogOf(el).open).to.equal(true);
    expect(frameSrc(el)).to.equal(link);
    el.removeAttribute('mode');
    await until(() => part(el, 'button') !== null, 'the button back');
    await el.hide();
    const created = oneEvent(el, 'samesurf-created');
    await el.launch();
    const { room } = ((await created) as CustomEvent<CreateRoomResponse>).detail;
    expect((await control(`rooms/${room}`, undefined, 'GET')).starturl).to.equal('https://example.com/other');
  });
});

describe('<samesurf-launcher api-base="/samesurf"> through the site\'s proxy', () => {
  beforeEach(reset);

  it('creates the room through the proxy, with no key in the page, and enters as leader', async () => {
    const m = await mount({ 'api-base': '/samesurf', 'realtime-origin': base });
    const { room } = await createByClick(m.el);
    expect((await control(`rooms/${room}`, undefined, 'GET')).subscription).to.equal('demo');
    await until(async () => (await roomUsers(room)).length === 1, 'the join');
    expect((await roomUsers(room))[0]!.host).to.equal(true);
    // Re-entering asks the proxy for `find`, which it does not allow: the room is re-entered all the same.
    await m.el.hide();
    expect(await m.el.launch()).to.equal(true);
    expect((await requestCounts()).create).to.equal(1);
    expect(m.errors).to.have.length(0);
  });

  it("joins as a follower when the site's policy keeps the leader link from the page", async () => {
    const m = await mount({
      'api-base': '/samesurf-strict',
      'realtime-origin': base,
      'start-url': 'https://evil.example/',
    });
    const created = oneEvent(m.el, 'samesurf-created');
    await m.el.launch();
    const detail = ((await created) as CustomEvent<CreateRoomResponse>).detail;
    expect(detail.leadertoken).to.equal(undefined);
    expect((await control(`rooms/${detail.room}`, undefined, 'GET')).starturl).to.equal('https://example.com/fixed');
    await until(async () => (await roomUsers(detail.room)).length === 1, 'the join');
    expect((await roomUsers(detail.room))[0]!.host).to.equal(false);
  });

  it("enters its own new room under user-name as leader: the proxy's room ticket proves it made the room", async () => {
    const m = await mount({ 'api-base': '/samesurf', 'realtime-origin': base, 'user-name': 'Ana' });
    const { room, ticket } = await createByClick(m.el);
    expect(ticket, 'the proxy adds a ticket').to.be.a('string');
    await until(async () => (await roomUsers(room)).length === 1, 'the join');
    const [user] = await roomUsers(room);
    expect([user!.name, user!.host]).to.deep.equal(['Ana', true]);
  });

  it('stays a follower under user-name when the policy keeps the leader from the page (no ticket, no leader invitation)', async () => {
    const m = await mount({ 'api-base': '/samesurf-strict', 'realtime-origin': base, 'user-name': 'Ana' });
    const { room, ticket } = await createByClick(m.el);
    expect(ticket).to.equal(undefined);
    await until(async () => (await roomUsers(room)).length === 1, 'the join');
    const [user] = await roomUsers(room);
    expect([user!.name, user!.host]).to.deep.equal(['Ana', false]);
  });
});
