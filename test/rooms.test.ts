// <samesurf-rooms> in real Chromium, through an agent portal's proxy (the test server's /samesurf-agent/, with an
// authorize hook that wants the cookie agent=signed-in) to the emulator, on rooms really made in each test.
import { expect, fixture } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/agent/rooms.js';
import type { SameSurfRooms } from '../src/agent/samesurf-rooms.js';
import type { SameSurfLauncher } from '../src/index.js';
import type { SameSurfErrorDetail } from '../src/index.js';
import { signIn, signOut } from './helpers/agent.js';
import { endRoom, inject, requestCounts, reset } from './helpers/emulator.js';
import { api, apiBase, base, nextEvent, roomUsers, until } from './helpers/launcher.js';
import { pause } from './helpers/prefetch.js';

interface Mounted {
  el: SameSurfRooms;
  errors: SameSurfErrorDetail[];
  warnings: unknown[][];
}

/** A <samesurf-rooms> through the agent's proxy, errors and console warnings captured from the start. */
async function rooms(attrs: Record<string, string> = {}): Promise<Mounted> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('samesurf-rooms');
  const errors: SameSurfErrorDetail[] = [];
  const warnings: unknown[][] = [];
  const { warn } = console;
  console.warn = (...args: unknown[]) => warnings.push(args);
  el.addEventListener('samesurf-error', (e) => errors.push(e.detail));
  for (const [k, v] of Object.entries({ 'api-base': '/samesurf-agent', 'realtime-origin': base, ...attrs }))
    el.setAttribute(k, v);
  host.append(el);
  await el.updateComplete;
  console.warn = warn;
  return { el, errors, warnings };
}

const $ = <T extends Element = HTMLElement>(el: SameSurfRooms, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const part = <T extends Element = HTMLElement>(el: SameSurfRooms, name: string) => $<T>(el, `[part~="${name}"]`);
const rows = (el: SameSurfRooms) => [...el.shadowRoot!.querySelectorAll('tbody tr:not(.invite-row)')];
const cells = (row: Element) =>
  [...row.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
const announced = (el: SameSurfRooms) => $(el, '[role="status"]')!.textContent!.trim();
const range = (el: SameSurfRooms) => part(el, 'pager')!.querySelector('span')!.textContent!.trim();
const loaded = (el: SameSurfRooms) =>
  until(() => $(el, 'table')?.getAttribute('aria-busy') === 'false' && !$(el, 'tr.loading'), 'loaded');

async function runningRooms(n: number, title = (i: number) => `Visitor ${i + 1}`): Promise<string[]> {
  const made: string[] = [];
  for (let i = 0; i < n; i++) made.push((await api().createRoom({ title: title(i) })).room);
  return made;
}

describe('<samesurf-rooms>', () => {
  beforeEach(() => {
    signIn();
    return reset();
  });
  after(signOut);

  it('refuses a key in the page: says why to the developer and the page, and asks the API nothing', async () => {
    const m = await rooms({ 'api-base': apiBase, 'api-key': 'demo-key' });
    expect(m.errors).to.have.length(1);
    expect(m.errors[0]).to.include({ code: 'config', attribute: 'api-key' });
    expect(String(m.warnings[0]?.[0])).to.match(/<samesurf-rooms>: api-key: .*proxy \(api-base/);
    expect(part(m.el, 'error')!.textContent).to.contain('api-key');
    await pause(300);
    expect((await requestCounts()).runningrooms ?? 0).to.equal(0);
    await expect(m.el).to.be.accessible();
  });

  it('needs a way to the API: api-base, token-url or getToken', async () => {
    const m = await rooms({ 'api-base': '' });
    expect(m.errors[0]).to.include({ code: 'config', attribute: 'api-base' });
  });

  it('shows the running rooms: title, start time, how long each has run (ticking) and the number', async () => {
    const [first, second] = await runningRooms(2);
    const ended = (await api().createRoom({ title: 'Over' })).room;
    await endRoom(ended);
    const { el } = await rooms();
    await loaded(el);
    expect(rows(el)).to.have.length(2);
    const byRoom = new Map(rows(el).map((r) => [cells(r)[3], cells(r)]));
    expect(byRoom.get(first!)![0]).to.equal('Visitor 1');
    expect(byRoom.get(second!)![0]).to.equal('Visitor 2');
    expect(byRoom.has(ended)).to.equal(false, 'an ended room is not running');
    const started = rows(el)[0]!.querySelector('td:nth-child(2) time')!;
    expect(Date.parse(started.getAttribute('datetime')!)).to.be.closeTo(Date.now(), 60_000);
    const running = () => rows(el)[0]!.querySelector('td:nth-child(3) time')!.textContent!;
    const before = running();
    expect(before).to.match(/^\d+:\d\d$/);
    await until(() => running() !== before, 'the running time to tick', 3000);
    expect(range(el)).to.equal('1–2 of 2');
    await until(() => announced(el) === '2 rooms running', 'announced');
    await expect(el).to.be.accessible();
  });

  it('says it is loading until the first page arrives', async () => {
    await inject({ call: 'runningrooms', delayMs: 1500 });
    const { el } = await rooms();
    await until(() => $(el, 'tbody')!.textContent!.includes('Loading running rooms…'), 'the loading row');
    expect($(el, 'table')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await loaded(el);
  });

  it('says so when no room runs', async () => {
    const { el } = await rooms();
    await loaded(el);
    expect($(el, 'tbody')!.textContent).to.contain('No rooms are running.');
    expect(range(el)).to.equal('0–0 of 0');
    await expect(el).to.be.accessible();
  });

  it('pages with skip and limit, shows the total, and keeps focus on the pager', async () => {
    await runningRooms(7);
    const { el } = await rooms({ limit: '3' });
    await loaded(el);
    expect(range(el)).to.equal('1–3 of 7');
    const next = part(el, 'next-button')!;
    const previous = part(el, 'previous-button')!;
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    next.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => range(el) === '4–6 of 7', 'page 2');
    await until(() => announced(el) === '4–6 of 7', 'which rooms are shown now, said');
    await sendKeys({ press: 'Enter' });
    await until(() => range(el) === '7–7 of 7', 'page 3');
    expect(rows(el)).to.have.length(1);
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(next, 'focus stays where it was');
    await sendKeys({ press: 'Enter' }); // past the end: nothing
    await pause(200);
    expect(range(el)).to.equal('7–7 of 7');
    previous.click();
    await until(() => range(el) === '4–6 of 7', 'back to page 2');
  });

  it('refreshes on an interval, pauses while the tab is hidden and catches up when it shows', async () => {
    const { el } = await rooms({ 'refresh-interval': '1' });
    await loaded(el);
    const count = async () => (await requestCounts()).runningrooms ?? 0;
    const start = await count();
    await until(async () => (await count()) >= start + 2, 'two refreshes', 5000);
    await executeServerCommand('hide-page');
    try {
      await until(() => document.hidden, 'the page hidden');
      await pause(300); // a request already out may still land
      const hidden = await count();
      const [room] = await runningRooms(1, () => 'While hidden');
      await pause(2500);
      expect(await count()).to.equal(hidden, 'no refresh while hidden');
      await executeServerCommand('show-page');
      await until(() => !document.hidden, 'the page shown');
      await until(() => rows(el).some((r) => cells(r)[3] === room), 'caught up at once');
      await until(() => announced(el) === '1 room running', 'announced');
    } finally {
      await executeServerCommand('show-page');
    }
  });

  it('refreshes on demand without a layout jump, and announces the change politely', async () => {
    await runningRooms(2);
    const { el } = await rooms({ 'refresh-interval': '0' });
    await loaded(el);
    const height = el.getBoundingClientRect().height;
    const refresh = part(el, 'refresh-button')!.getBoundingClientRect();
    await runningRooms(1, () => 'New');
    await inject({ call: 'runningrooms', delayMs: 600 });
    part(el, 'refresh-button')!.click();
    await until(() => $(el, 'table')!.getAttribute('aria-busy') === 'true', 'busy');
    expect(rows(el)).to.have.length(2, 'the rows stay while it refreshes');
    expect(el.getBoundingClientRect().height).to.equal(height, 'no jump');
    expect(part(el, 'refresh-button')!.getBoundingClientRect().x).to.equal(refresh.x, 'the button stays put');
    expect($(el, '.busy-note')!.textContent).to.equal('Refreshing…');
    await expect(el).to.be.accessible();
    await until(() => rows(el).length === 3, 'the new room');
    await until(() => announced(el) === '3 rooms running', 'announced');
  });

  it('tells every failure, with a retry, and keeps what was shown', async () => {
    await runningRooms(1);
    const m = await rooms({ 'refresh-interval': '0' });
    await loaded(m.el);
    // Through the proxy: what it cannot use from the API becomes its own 502, which a read tries three times.
    for (const [fault, message] of [
      [{ call: 'runningrooms', status: 500, count: 3 }, /having trouble/],
      [{ call: 'runningrooms', errorcode: 100 }, /error 100/],
      [{ call: 'runningrooms', malformed: true, count: 3 }, /having trouble/],
    ] as const) {
      await inject(fault);
      await m.el.refresh();
      expect(m.errors.at(-1)!.message).to.match(message);
      expect(part(m.el, 'error')!.textContent).to.contain(m.errors.at(-1)!.message);
      expect(part(m.el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(rows(m.el)).to.have.length(1, 'the rows stay');
      await expect(m.el).to.be.accessible();
    }
    part(m.el, 'retry-button')!.click();
    await until(() => part(m.el, 'error') === null, 'the error gone after a retry');
  });

  it('survives an odd answer (a title that is no text, no rooms list) and shows the next good one', async () => {
    await runningRooms(1, () => 'A very long title without a single space '.replace(/ /g, '_').repeat(4));
    await inject(
      {
        call: 'runningrooms',
        patch: { rooms: [{ room: '2', title: { toString: 1 }, starttime: 'soon' }, { title: 'no room' }] },
      },
      { call: 'runningrooms', patch: { rooms: null, totalrooms: 'many' } },
    );
    const { el } = await rooms({ 'refresh-interval': '0' });
    await loaded(el);
    expect(cells(rows(el)[0]!)).to.deep.equal(['Untitled', 'soon', '–', '2', 'Join Copy guest link Invitation…']);
    await el.refresh();
    // No list at all: told as a failure, and what was shown stays.
    expect(part(el, 'error')).to.not.equal(null);
    expect(rows(el)).to.have.length(1);
    await el.refresh();
    expect(rows(el)).to.have.length(1, 'a good answer shows again');
    // A long unbroken title wraps inside its cell: the element never scrolls sideways.
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(rows(el)[0]!.querySelector('td bdi')).to.not.equal(null, 'the title isolated (bidi)');
  });

  it("keeps a title's words whole in a column as narrow as a portal's sidebar (only an unbroken one wraps)", async () => {
    await runningRooms(1, () => 'Support desk');
    const { el } = await rooms({ 'refresh-interval': '0' });
    // The demo's agent console at 1280 pixels: its rooms column, in the page's 17px type (a short title's column got
    // the least of the width left, and broke "Support" in two).
    Object.assign(el.style, { inlineSize: '686px', font: '17px/1.55 system-ui, sans-serif' });
    await loaded(el);
    for (const bdi of el.shadowRoot!.querySelectorAll('td bdi')) {
      const text = [...bdi.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)!;
      for (const match of text.textContent!.matchAll(/\S+/g)) {
        const word = document.createRange();
        word.setStart(text, match.index!);
        word.setEnd(text, match.index! + match[0].length);
        expect(word.getClientRects().length, `"${match[0]}" on one line`).to.equal(1);
      }
    }
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('tells a signed-out agent that access was refused (the proxy’s authorize hook)', async () => {
    signOut();
    const m = await rooms();
    await until(() => m.errors.length > 0, 'samesurf-error');
    expect(m.errors[0]).to.include({
      code: 'api',
      message: 'Sign in first.', // the proxy's own reason, meant for the person
    });
    expect(part(m.el, 'error')!.textContent).to.contain(m.errors[0]!.message);
  });

  it('times out as told by timeout', async () => {
    await inject({ call: 'runningrooms', delayMs: 3000, count: 3 });
    const m = await rooms({ timeout: '300' });
    await until(() => m.errors.length > 0, 'samesurf-error');
    expect(m.errors[0]).to.include({ code: 'timeout' });
  });

  it('joins a room as its leader in the launcher’s dialog', async () => {
    const [room] = await runningRooms(1);
    const { el } = await rooms();
    await loaded(el);
    const join = rows(el)[0]!.querySelector<HTMLElement>('[part~="join-button"]')!;
    expect(join.getAttribute('aria-label')).to.equal(`Join, Room ${room}`);
    join.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '.sessions samesurf-launcher') !== null, 'the session');
    const session = $<SameSurfLauncher>(el, '.sessions samesurf-launcher')!;
    expect(session.mode).to.equal('join');
    await until(() => session.getAttribute('state') === 'open', 'the dialog open');
    await until(async () => (await roomUsers(room!)).length === 1, 'the agent in the room');
    expect((await roomUsers(room!))[0]!.host).to.equal(true);
    await until(() => join.textContent === 'Return', 'the row says the agent is in');
    await session.leave();
    await until(() => $(el, '.sessions samesurf-launcher') === null, 'the session gone after leaving');
  });

  it('keeps a joined session open through refreshes and page changes that take its row away', async () => {
    const made = await runningRooms(3);
    const { el } = await rooms({ limit: '2', 'refresh-interval': '0' });
    await loaded(el);
    part(el, 'next-button')!.click();
    await until(() => range(el) === '3–3 of 3', 'page 2');
    const room = cells(rows(el)[0]!)[3]!;
    rows(el)[0]!.querySelector<HTMLElement>('[part~="join-button"]')!.click();
    await until(() => $(el, '.sessions samesurf-launcher')?.getAttribute('state') === 'open', 'the dialog open');
    const session = $<SameSurfLauncher>(el, '.sessions samesurf-launcher')!;
    // Another room ends: the joined one moves up a page, and this page has nothing left to show.
    await endRoom(made.find((r) => r !== room)!);
    await el.refresh();
    await until(() => !rows(el).some((r) => cells(r)[3] === room) || range(el) === '1–2 of 2', 'the table moved');
    expect(session.isConnected).to.equal(true, 'the session stays');
    expect(session.getAttribute('state')).to.equal('open', 'its dialog still open');
    await session.hide();
    expect(session.getAttribute('state')).to.equal('live');
    part(el, 'previous-button')!.click();
    await el.refresh();
    expect(session.isConnected && session.getAttribute('state')).to.equal('live', 'still live after paging');
    await until(() => rows(el).some((r) => cells(r)[3] === room), 'the room listed');
    const join = rows(el)
      .find((r) => cells(r)[3] === room)!
      .querySelector<HTMLElement>('[part~="join-button"]')!;
    expect(join.textContent).to.equal('Return');
    join.click();
    await until(() => session.getAttribute('state') === 'open', 'the same session reopened');
    expect($(el, '.sessions')!.querySelectorAll('samesurf-launcher')).to.have.length(1);
    await session.leave();
  });

  it('copies a room’s guest link and says so', async () => {
    const [room] = await runningRooms(1);
    const { el } = await rooms();
    await loaded(el);
    const copy = rows(el)[0]!.querySelector<HTMLElement>('[part~="copy-button"]')!;
    expect(copy.getAttribute('aria-label')).to.equal(`Copy guest link, Room ${room}`, 'a name of its own per row');
    copy.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => /copied|could not/i.test(announced(el)), 'the copy told');
    const guest = (await api().runningRooms()).rooms[0]!.privateinvitation;
    if (/copied/i.test(announced(el))) expect(await navigator.clipboard.readText().catch(() => guest)).to.equal(guest);
  });

  it('makes a limited-use invitation from the keyboard, checked field by field', async () => {
    const [room] = await runningRooms(1);
    const { el } = await rooms();
    await loaded(el);
    const toggle = rows(el)[0]!.querySelector<HTMLElement>('[part~="invite-button"]')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'invite-form') !== null, 'the form');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const usage = $<HTMLInputElement>(el, 'input[name="usagelimit"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(usage, 'focus in the form');
    // A usage limit of 0 is refused on its field, by the same rule the API has, before any request.
    usage.select();
    await sendKeys({ type: '0' });
    await sendKeys({ press: 'Enter' });
    await until(() => usage.getAttribute('aria-invalid') === 'true', 'the field marked');
    expect($(el, '#invite-problem')!.textContent).to.equal('Enter a whole number of at least 1.');
    expect((await requestCounts()).createlimitedusetoken ?? 0).to.equal(0);
    await expect(el).to.be.accessible();

    usage.select();
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Ana' });
    const created = nextEvent(el, 'samesurf-created');
    await sendKeys({ press: 'Enter' });
    const detail = (await created).detail;
    expect(detail.mode).to.equal('invite');
    await until(() => !!$<HTMLInputElement>(el, '.result input')?.value, 'the link shown');
    const link = $<HTMLInputElement>(el, '.result input')!;
    expect(link.value).to.equal((detail as { link: string }).link);
    expect(new URL(link.value).pathname).to.contain(room!);
    await expect(el).to.be.accessible();
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'invite-form') === null, 'closed again');
  });

  it('speaks German and Spanish from the nearest lang, and takes strings overrides', async () => {
    await runningRooms(1);
    const host = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const el = document.createElement('samesurf-rooms');
    el.setAttribute('api-base', '/samesurf-agent');
    el.strings = { roomsTitle: 'Unsere Räume' };
    host.append(el);
    await loaded(el);
    expect(part(el, 'title')!.textContent).to.equal('Unsere Räume');
    expect($(el, 'th')!.textContent).to.equal('Titel');
    expect(range(el)).to.equal('1–1 von 1');
    host.lang = 'es';
    el.requestUpdate();
    await el.updateComplete;
    expect($(el, 'th')!.textContent).to.equal('Título');
  });
});
