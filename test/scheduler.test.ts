// <samesurf-scheduler> in real Chromium, through the agent portal's proxy (/samesurf-agent/, which wants the cookie
// agent=signed-in) to the emulator: rooms really scheduled, the API's own validation errors on their fields.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/agent/scheduler.js';
import type { SameSurfScheduler } from '../src/agent/samesurf-scheduler.js';
import type { CreateRoomResponse } from '../src/index.js';
import { mountAgent } from './helpers/agent.js';
import { inject, requestCounts, reset } from './helpers/emulator.js';
import { api, nextEvent, until } from './helpers/launcher.js';

const scheduler = (attrs: Record<string, string> = {}, lang = 'en') => mountAgent('samesurf-scheduler', attrs, lang);

const $ = <T extends Element = HTMLElement>(el: SameSurfScheduler, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const field = (el: SameSurfScheduler, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`)!;
const problemOf = (el: SameSurfScheduler, name: string) => {
  const f = field(el, name);
  if (f.getAttribute('aria-invalid') !== 'true') return undefined;
  const id = f
    .getAttribute('aria-describedby')!
    .split(' ')
    .find((i) => i.endsWith('-problem'))!;
  return el.shadowRoot!.getElementById(id)!.textContent!.trim();
};
/** A date and time `days` from now, as datetime-local writes it. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

/** Fills the form (only the given fields) and submits it with Enter. */
async function fill(el: SameSurfScheduler, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const f = field(el, name);
    f.value = value;
    f.dispatchEvent(new Event('input', { bubbles: true }));
  }
  field(el, 'title').focus();
  await sendKeys({ press: 'Enter' });
}

describe('<samesurf-scheduler>', () => {
  beforeEach(() => {
    document.cookie = 'agent=signed-in; path=/';
    return reset();
  });
  after(() => (document.cookie = 'agent=; path=/; max-age=0'));

  it('schedules a room: the links with copy buttons, and a calendar file with the guest link only', async () => {
    const { el, errors } = await scheduler({ 'start-url': 'https://example.com/pricing' });
    // The visitor's own time zone is chosen; every IANA zone the browser knows is offered.
    const zone = field(el, 'timezone') as unknown as HTMLSelectElement;
    expect(zone.value).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zone.options.length).to.be.greaterThan(300);
    const created = nextEvent(el, 'samesurf-created');
    await fill(el, {
      eventtime: '2030-07-01T09:00',
      timezone: 'America/New_York',
      lengthinminutes: '45',
      title: 'Plan review',
      invitees: 'ana@example.com, jonas@example.org',
      invitemessage: 'See you then.',
    });
    const detail = (await created).detail as CreateRoomResponse & { mode: string };
    expect(errors).to.deep.equal([]);
    await until(() => $(el, '[part~="result"]') !== null, 'the result');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.result input')].map((i) => i.value);
    expect(links).to.deep.equal([detail.privateinvitation, detail.publicinvitation]);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.result h3'), 'focus on what happened');
    // The room is really scheduled: not running before its time.
    const running = await api().runningRooms();
    expect(running.rooms.map((r) => r.room)).to.not.include(detail.room);

    // The calendar file, as the browser would save it.
    let saved: Blob | undefined;
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      saved = b as Blob;
      return createObjectURL(b);
    };
    try {
      $(el, '[part~="ics-button"]')!.click();
    } finally {
      URL.createObjectURL = createObjectURL;
    }
    const ics = (await saved!.text()).replace(/\r\n /g, '');
    expect(saved!.type).to.equal('text/calendar;charset=utf-8');
    expect(ics).to.contain('\r\nDTSTART:20300701T130000Z\r\n');
    expect(ics).to.contain('\r\nDTEND:20300701T134500Z\r\n');
    expect(ics).to.contain('\r\nSUMMARY:Plan review\r\n');
    expect(ics).to.contain(detail.publicinvitation);
    expect(ics).to.not.contain(detail.privateinvitation, 'never the leader link');
    await expect(el).to.be.accessible();
  });

  it('checks each field by the API’s rules before sending, each invitee on its own, in the person’s language', async () => {
    const { el } = await scheduler({}, 'de');
    await fill(el, {
      eventtime: '',
      lengthinminutes: '0',
      invitees: 'ana@example.com, bob@, carla@example.com',
      starturl: 'javascript:alert(1)',
    });
    await until(() => problemOf(el, 'invitees') !== undefined, 'the problems');
    expect(problemOf(el, 'eventtime')).to.equal('Bitte Datum und Uhrzeit eingeben.');
    expect(problemOf(el, 'lengthinminutes')).to.equal('Bitte eine ganze Zahl von Minuten eingeben, mindestens 1.');
    expect(problemOf(el, 'invitees')).to.equal('„bob@“ ist keine E-Mail-Adresse.');
    expect(problemOf(el, 'starturl')).to.equal('Bitte eine Webadresse mit https:// oder http:// eingeben.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'eventtime'), 'focus on the first field at fault');
    expect((await requestCounts()).create ?? 0).to.equal(0, 'nothing sent');
    await expect(el).to.be.accessible();

    await fill(el, { eventtime: inDays(-1), lengthinminutes: '30', invitees: '', starturl: '' });
    await until(() => problemOf(el, 'eventtime') === 'Bitte einen Zeitpunkt in der Zukunft wählen.', 'the past');
    expect(problemOf(el, 'invitees')).to.equal(undefined);
  });

  for (const [code, name] of [
    [104, 'invitees'],
    [106, 'timezone'],
    [107, 'timezone'],
    [108, 'eventtime'],
    [122, 'eventtime'],
    [123, 'lengthinminutes'],
  ] as const) {
    it(`shows the API’s error ${code} on ${name}`, async () => {
      await inject({ call: 'create', errorcode: code });
      const { el, errors } = await scheduler();
      await fill(el, { eventtime: inDays(2), invitees: 'ana@example.com' });
      await until(() => errors.length > 0, 'samesurf-error');
      expect(errors[0]).to.include({ code: 'api', errorcode: code });
      await until(() => problemOf(el, name) !== undefined, `the problem on ${name}`);
      expect(el.shadowRoot!.activeElement).to.equal(field(el, name));
      expect($(el, '[part~="error"]')).to.equal(null, 'nothing besides the field');
    });
  }

  it('fits a line as narrow as 400 % zoom on a laptop (320 CSS pixels): no field sticks out sideways', async () => {
    const { el } = await scheduler();
    Object.assign(el.style, { inlineSize: '286px', font: '17px/1.55 system-ui, sans-serif' }); // in a page's padding
    await el.updateComplete;
    for (const field of el.shadowRoot!.querySelectorAll('input, select, textarea'))
      expect(field.getBoundingClientRect().right, field.getAttribute('name') ?? '').to.be.at.most(
        el.getBoundingClientRect().right + 0.5,
      );
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('tells any other failure under the form, and keeps what was typed', async () => {
    await inject({ call: 'create', status: 500 });
    const { el, errors } = await scheduler();
    await fill(el, { eventtime: inDays(2), title: 'Kept' });
    await until(() => errors.length > 0, 'samesurf-error');
    expect($(el, '[part~="error"]')!.textContent).to.contain('having trouble');
    expect(field(el, 'title').value).to.equal('Kept');
  });

  it('refuses a key in the page', async () => {
    const m = await scheduler({ 'api-key': 'demo-key', 'api-base': 'http://127.0.0.1:1/api/v3' });
    expect(m.errors[0]).to.include({ code: 'config', attribute: 'api-key' });
  });
});
