// <samesurf-room-report> in real Chromium, through the agent portal's proxy (/samesurf-agent/, which wants the cookie
// agent=signed-in) to the emulator, on a room really joined in the test: its people, timeline and recordings.
import { expect, fixture } from '@open-wc/testing';
import { buttonNames } from './helpers/a11y.js';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/agent/room-report.js';
import type { SameSurfRoomReport } from '../src/agent/samesurf-room-report.js';
import { mountAgent, signIn, signOut } from './helpers/agent.js';
import { endRoom, inject, requestCounts, reset } from './helpers/emulator.js';
import { createByClick, launcher, roomUsers, until } from './helpers/launcher.js';
import { pause } from './helpers/prefetch.js';

const report = (attrs: Record<string, string>) => mountAgent('samesurf-room-report', attrs);

const $ = <T extends Element = HTMLElement>(el: SameSurfRoomReport, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: SameSurfRoomReport, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const loaded = (el: SameSurfRoomReport) => until(() => $(el, '[part~="people"], .muted + h3') !== null, 'the report');
const text = (node: Element | null) => node!.textContent!.replace(/\s+/g, ' ').trim();

/** A room a visitor really entered (through the launcher), then ended (everyone leaves) with `recordings`. */
async function visitedRoom(recordings: number): Promise<string> {
  const visitor = await launcher();
  const { room } = await createByClick(visitor);
  await until(async () => (await roomUsers(room)).length === 1, 'the visitor in the room');
  await endRoom(room, recordings);
  await visitor.reset();
  return room;
}

describe('<samesurf-room-report>', () => {
  beforeEach(() => {
    signIn();
    return reset();
  });
  after(signOut);

  it('shows who was in the room, what happened and its recordings, from the real analytics', async () => {
    const room = await visitedRoom(2);
    const { el, errors } = await report({ room });
    await until(() => $$(el, '.recording').length === 2, 'two recordings');
    expect(errors).to.deep.equal([]);
    expect(text($(el, '[part~="title"]'))).to.equal('Untitled');
    const [person] = $$(el, '[part~="people"] tbody tr');
    const cells = [...person!.querySelectorAll('td')].map(text);
    expect(cells[1]).to.equal('Leader');
    expect(cells[3]).to.not.equal('Still in the room');
    expect(cells[4]).to.match(/^\d+:\d\d$/);
    expect(cells[5]).to.equal('Unknown', 'a loopback address has no city: said, not a blank cell');
    const events = $$(el, '[part~="timeline"] li').map(text);
    expect(events.some((e) => e.endsWith('The room started'))).to.equal(true, events.join(' | '));
    expect(events.some((e) => e.includes('Went to https://example.com/pricing'))).to.equal(true);
    expect(events.some((e) => / joined$/.test(e))).to.equal(true);
    expect(events.some((e) => / left$/.test(e))).to.equal(true);
    expect(events.at(-1)).to.match(/The room ended$/);
    const thumbs = $$(el, '[part~="thumbnail"]') as HTMLImageElement[];
    await until(() => thumbs.every((t) => t.complete && t.naturalWidth > 0), 'the thumbnails loaded');
    expect(thumbs.map((t) => t.alt)).to.deep.equal(['Recording 1', 'Recording 2']);
    expect($(el, '[role="status"]')!.textContent).to.contain('Recordings 2');
    await expect(el).to.be.accessible();
  });

  it('plays a recording in a native video, and takes a screenshot at the width asked, from the keyboard', async () => {
    const room = await visitedRoom(1);
    const { el } = await report({ room, recordings: '1' });
    await until(() => $(el, '[part~="play-button"]') !== null, 'the recording');
    const names = await buttonNames();
    expect(names).to.include.members(['Play, Recording 1', 'Download, Recording 1'], 'named as a screen reader hears');
    $(el, '[part~="play-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, 'video') !== null, 'the video');
    const video = $<HTMLVideoElement>(el, 'video')!;
    await until(() => video.readyState >= 1 && video.duration > 0, 'its metadata');
    expect(video.controls).to.equal(true);

    const width = $<HTMLInputElement>(el, 'input[name="width"]')!;
    width.focus();
    width.select();
    await sendKeys({ type: '0' });
    await sendKeys({ press: 'Enter' });
    await until(() => width.getAttribute('aria-invalid') === 'true', 'a width of 0 refused on its field');
    expect((await requestCounts()).screenrecordingimage ?? 0).to.equal(0, 'before any request');
    width.select();
    await sendKeys({ type: '320' });
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part~="screenshot"] img') !== null, 'the screenshot');
    const shot = $<HTMLImageElement>(el, '[part~="screenshot"] img')!;
    await until(() => shot.complete && shot.naturalWidth > 0, 'loaded');
    expect(shot.naturalWidth).to.equal(320);
    expect(shot.alt).to.equal('Screenshot of recording 1, 320 pixels wide');
    expect(width.getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('never uses a recording link past its validity: fetched again when stale, and when one fails to load', async () => {
    const room = await visitedRoom(1);
    // Links asked for 0.02 minutes (1.2 s): the API and this page both see them expire within the test.
    const { el } = await report({ room, 'link-minutes': '0.02' });
    await until(() => ($<HTMLImageElement>(el, '[part~="thumbnail"]')?.naturalWidth ?? 0) > 0, 'the thumbnail');
    const count = async (call: string) => (await requestCounts())[call] ?? 0;
    const thumbs = await count('screenrecordingthumbnail');
    // The thumbnail's link has expired: reloading the image fails (410), and a fresh link is fetched once.
    await pause(1500);
    const img = $<HTMLImageElement>(el, '[part~="thumbnail"]')!;
    const before = img.src;
    img.src = `${before}${before.includes('?') ? '&' : '?'}again`; // the same expired link, loaded anew
    await until(async () => (await count('screenrecordingthumbnail')) === thumbs + 1, 'a fresh thumbnail link');
    await until(() => $<HTMLImageElement>(el, '[part~="thumbnail"]')!.src !== before, 'the new link in place');
    await until(() => $<HTMLImageElement>(el, '[part~="thumbnail"]')!.naturalWidth > 0, 'and loaded');

    // Play: a link fetched now. Later (stale), Play again asks for another rather than reusing it.
    $(el, '[part~="play-button"]')!.click();
    await until(() => $(el, 'video') !== null, 'the video');
    const first = $<HTMLVideoElement>(el, 'video')!.src;
    expect(await count('screenrecordingpubliclink')).to.equal(1);
    await pause(1500);
    $(el, '[part~="play-button"]')!.click();
    await until(async () => (await count('screenrecordingpubliclink')) === 2, 'a fresh video link');
    await until(() => $<HTMLVideoElement>(el, 'video')!.src !== first, 'the video on the new link');
  });

  it('says so when the room does not exist (the API’s 102)', async () => {
    const { el, errors } = await report({ room: '123456789' });
    await until(() => errors.length > 0, 'samesurf-error');
    expect(errors[0]).to.include({ code: 'api', errorcode: 102 });
    expect(text($(el, '[part~="error"]'))).to.contain(errors[0]!.message);
  });

  it('tells a failure with a retry that works, and refuses a key in the page', async () => {
    const room = await visitedRoom(0);
    await inject({ call: 'roomanalytics', errorcode: 100 });
    const m = await report({ room });
    await until(() => m.errors.length > 0, 'samesurf-error');
    expect(m.errors[0]).to.include({ code: 'api', errorcode: 100 });
    expect($(m.el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(m.el).to.be.accessible();
    $(m.el, '[part~="retry-button"]')!.click();
    await until(() => $(m.el, '[part~="people"]') !== null, 'the report after a retry');
    expect(m.el.shadowRoot!.textContent).to.contain('This room has no recordings.');

    const keyed = await report({ room, 'api-key': 'demo-key', 'api-base': 'http://127.0.0.1:1/api/v3' });
    expect(keyed.errors[0]).to.include({ code: 'config', attribute: 'api-key' });
    const missing = await report({ room: '' });
    expect(missing.errors[0]).to.include({ code: 'config', attribute: 'room' });
  });

  it('reports on the room given, again when it changes, in the nearest language', async () => {
    const first = await visitedRoom(0);
    const second = await visitedRoom(1);
    const host = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
    const el = document.createElement('samesurf-room-report');
    el.setAttribute('api-base', '/samesurf-agent');
    el.room = first;
    host.append(el);
    await loaded(el);
    await until(() => $(el, 'h3') !== null, 'loaded');
    expect(text($(el, 'h3'))).to.equal('Personas');
    expect(el.shadowRoot!.textContent).to.contain('Esta sala no tiene grabaciones.');
    el.room = second;
    await until(() => $$(el, '.recording').length === 1, 'the second room’s recording');
    expect(text($(el, '.toolbar .muted'))).to.equal(`Sala ${second}`);
  });
});
