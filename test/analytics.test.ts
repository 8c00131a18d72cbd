// <samesurf-analytics> in real Chromium, through the agent portal's proxy (/samesurf-agent/, which wants the cookie
// agent=signed-in) to the emulator, on rooms really made (and one really joined) in the test.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/agent/analytics.js';
import type { SameSurfAnalytics } from '../src/agent/samesurf-analytics.js';
import { mountAgent } from './helpers/agent.js';
import { endRoom, inject, reset } from './helpers/emulator.js';
import { buttonNames } from './helpers/a11y.js';
import { api, createByClick, launcher, roomUsers, until } from './helpers/launcher.js';

const analytics = (attrs: Record<string, string> = {}) => mountAgent('samesurf-analytics', attrs);

const $ = <T extends Element = HTMLElement>(el: SameSurfAnalytics, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: SameSurfAnalytics, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null) => node!.textContent!.replace(/\s+/g, ' ').trim();
const loaded = (el: SameSurfAnalytics) =>
  until(
    () => $(el, '[part~="figures"]') !== null && $(el, 'table[part~="table"]')?.getAttribute('aria-busy') === 'false',
    'loaded',
  );
const range = (el: SameSurfAnalytics) => text($(el, '[part~="pager"] span'));

/** Every label of the chart readable: none drawn over another (a figure over its group's heading, a period over the
 * next one). */
function expectLabelsApart(chart: Element) {
  const labels = [...chart.querySelectorAll('text')].map((t) => ({ text: t.textContent, box: t.getBBox() }));
  for (const [i, a] of labels.entries())
    for (const b of labels.slice(i + 1)) {
      const apart =
        a.box.x + a.box.width <= b.box.x ||
        b.box.x + b.box.width <= a.box.x ||
        a.box.y + a.box.height <= b.box.y ||
        b.box.y + b.box.height <= a.box.y;
      expect(apart, `"${a.text}" and "${b.text}" overlap`).to.equal(true);
    }
}

describe('<samesurf-analytics>', () => {
  beforeEach(() => {
    document.cookie = 'agent=signed-in; path=/';
    return reset();
  });
  after(() => (document.cookie = 'agent=; path=/; max-age=0'));

  it('shows the overview as figures, a chart and the same figures as a table', async () => {
    for (const title of ['One', 'Two', 'Three']) await api().createRoom({ title });
    const { el, errors } = await analytics();
    await loaded(el);
    expect(errors).to.deep.equal([]);
    const o = await api().analyticsOverview();
    const cards = $$(el, '.card').map(text);
    expect(cards[0]).to.equal(`Today ${o.rooms_today} rooms Average ${o.averageduration_today} min`);
    expect(cards[3]).to.equal(`All time ${o.rooms_total} rooms Average ${o.averageduration_alltime} min`);
    const chart = $(el, 'svg[role="img"]')!;
    expect(text(chart.querySelector('title'))).to.equal('Rooms and their average length, by period');
    expect(chart.querySelectorAll('rect')).to.have.length(8);
    expect(text(chart.querySelector('desc'))).to.contain(`Today: ${o.rooms_today}, ${o.averageduration_today}`);
    expectLabelsApart(chart);
    // The table equivalent, behind a disclosure a keyboard opens.
    $(el, 'summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect($<HTMLDetailsElement>(el, 'details')!.open).to.equal(true);
    const rows = $$(el, 'details tbody tr').map(text);
    expect(rows[3]).to.equal(`All time ${o.rooms_total} ${o.averageduration_alltime} min`);
    await expect(el).to.be.accessible();
  });

  it("draws the chart's labels apart in each language, and long period names on two lines", async () => {
    await api().createRoom({ title: 'One' });
    const cases: [string, string, Record<string, string>?][] = [
      ['de', 'Dieser Monat'],
      ['es', 'Desde el inicio'],
      ['en', 'Since the first of the month', { periodMonth: 'Since the first of the month' }],
    ];
    for (const [lang, month, strings] of cases) {
      const { el } = await analytics();
      el.parentElement!.lang = lang;
      if (strings) el.strings = strings;
      el.requestUpdate();
      await loaded(el);
      await el.updateComplete;
      const chart = $(el, 'svg[role="img"]')!;
      expect(text(chart).replace(/ /g, '')).to.contain(month.replace(/ /g, ''), lang);
      expectLabelsApart(chart);
      el.parentElement!.remove();
    }
  });

  it('lists every room page by page, and a row opens its report, focus there and back', async () => {
    const visitor = await launcher();
    const { room } = await createByClick(visitor);
    await until(async () => (await roomUsers(room)).length === 1, 'the visitor in the room');
    await endRoom(room, 1);
    await visitor.reset();
    for (let i = 0; i < 4; i++) await api().createRoom({ title: `Room ${i}` });
    const total = Number((await api().analyticsRooms({ limit: 1 })).total_rooms);
    const { el } = await analytics({ limit: '2' });
    await loaded(el);
    expect(range(el)).to.equal(`1–2 of ${total}`);
    $(el, '[part~="next-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => range(el) === `3–4 of ${total}`, 'page 2');
    expect($(el, '[role="status"]')!.textContent).to.equal(`3–4 of ${total}`);
    // The visited room (the oldest: the list is newest first) is on the last page.
    for (let pages = 0; !$(el, `tr[data-room="${room}"]`) && pages < 10; pages++) {
      $(el, '[part~="next-button"]')!.click();
      await until(() => $(el, 'table[part~="table"]')!.getAttribute('aria-busy') === 'false', 'a page');
    }
    const open = $(el, `tr[data-room="${room}"] [part~="report-button"]`)!;
    expect(await buttonNames()).to.include(`Report, Room ${room}`, 'its accessible name, as given to a screen reader');
    open.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, 'samesurf-room-report') !== null, 'the report');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.report'));
    const report = $(el, 'samesurf-room-report')!;
    await until(() => report.shadowRoot!.querySelectorAll('.recording').length === 1, 'its one recording');
    expect(report.shadowRoot!.querySelector('[part~="people"] tbody')!.textContent).to.contain('Leader');
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    $(el, '[part~="close-report-button"]')!.click();
    await until(() => $(el, 'samesurf-room-report') === null, 'closed');
    await until(() => el.shadowRoot!.activeElement === open, 'focus back on the row’s button');
  });

  it('tells a failure with a retry that works', async () => {
    await inject({ call: 'analyticsoverview', errorcode: 100 });
    const m = await analytics();
    await until(() => m.errors.length > 0, 'samesurf-error');
    expect(m.errors[0]).to.include({ code: 'api', errorcode: 100 });
    expect($(m.el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(m.el).to.be.accessible();
    $(m.el, '[part~="retry-button"]')!.click();
    await loaded(m.el);
    expect($(m.el, '[part~="error"]')).to.equal(null);
  });

  it('refuses a key in the page', async () => {
    const m = await analytics({ 'api-key': 'demo-key', 'api-base': 'http://127.0.0.1:1/api/v3' });
    expect(m.errors[0]).to.include({ code: 'config', attribute: 'api-key' });
  });
});
