/**
 * Screenshots of <samesurf-room-report> (a room with people, a timeline and two recordings, one of them with a
 * screenshot; and a failed load) in light and dark, on a desktop and on a phone, compared with the baselines in
 * test/visual/ (`npm run test:visual:update` writes new ones: look at each before committing). The analytics are a
 * fixed answer and the media the emulator's own; only the element's looks count.
 */
import { fixture } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { html } from 'lit';
import '../src/agent/room-report.js';
import { control, endRoom, inject } from './helpers/emulator.js';
import { agentScreenshotHooks } from './helpers/agent.js';
import { until } from './helpers/launcher.js';

const ROOM = '318204775';
const REPORT = {
  title: 'Pricing tour with Ana',
  users: [
    {
      guid: 'a1',
      host: true,
      joinedat: '2026-11-30T09:12:05Z',
      leftat: '2026-11-30T09:40:11Z',
      name: 'Ana Ruiz',
      ipaddress: '203.0.113.7',
      city: 'Sevilla',
      country: 'Spain',
    },
    {
      guid: 'b2',
      host: false,
      joinedat: '2026-11-30T09:14:30Z',
      leftat: '2026-11-30T09:39:02Z',
      name: 'Support: Jonas',
      ipaddress: '198.51.100.4',
      city: 'Berlin',
      country: 'Germany',
    },
  ],
  events: [
    { type: 'start', date: '2026-11-30T09:12:00Z', sender: '', target: '', data: ROOM },
    { type: 'url', date: '2026-11-30T09:12:00Z', sender: '', target: '', data: 'https://example.com/pricing' },
    { type: 'join', date: '2026-11-30T09:12:05Z', sender: 'a1', target: '', data: 'Ana Ruiz' },
    { type: 'join', date: '2026-11-30T09:14:30Z', sender: 'b2', target: '', data: 'Support: Jonas' },
    { type: 'leave', date: '2026-11-30T09:39:02Z', sender: 'b2', target: '', data: 'Support: Jonas' },
    { type: 'end', date: '2026-11-30T09:40:11Z', sender: '', target: '', data: ROOM },
  ],
};
const VIEWPORTS = [
  [1280, 1000],
  [390, 844],
] as const;

describe('<samesurf-room-report> looks', () => {
  agentScreenshotHooks();

  for (const [width, height] of VIEWPORTS)
    for (const scheme of ['light', 'dark'] as const)
      for (const state of ['report', 'error'] as const) {
        const name = `report-${state}-${scheme}-${width}x${height}`;
        it(name, async () => {
          await setViewport({ width, height });
          await emulateMedia({ colorScheme: scheme });
          // A real room of that number with two recordings (the media are real); its analytics a fixed answer.
          await control('rooms', { room: ROOM, title: REPORT.title });
          await endRoom(ROOM, 2);
          await inject(
            state === 'error' ? { call: 'roomanalytics', errorcode: 100 } : { call: 'roomanalytics', patch: REPORT },
          );
          const host =
            await fixture<HTMLDivElement>(html`<div lang="en" style="padding: 16px; font: 16px/1.4 sans-serif;">
            <samesurf-room-report api-base="/samesurf-agent" room=${ROOM} recordings="2"></samesurf-room-report>
          </div>`);
          const el = host.querySelector('samesurf-room-report')!;
          const root = el.shadowRoot!;
          if (state === 'error') await until(() => root.querySelector('[part~="error"]') !== null, 'the error');
          else {
            await until(() => root.querySelectorAll('[part~="thumbnail"]').length === 2, 'the thumbnails');
            const form = root.querySelector<HTMLFormElement>('[part~="screenshot-form"]')!;
            form.querySelector('input')!.value = '240';
            form.requestSubmit();
            await until(() => root.querySelector('[part~="screenshot"] img') !== null, 'the screenshot');
            const images = [...root.querySelectorAll('img')];
            await until(() => images.every((i) => i.complete && i.naturalWidth > 0), 'every image loaded');
          }
          await visualDiff(host, name);
        });
      }
});
