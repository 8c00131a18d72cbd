/**
 * Screenshots of <samesurf-analytics> (figures, chart, the table of rooms) in light and dark, on a desktop and on a
 * phone, compared with the baselines in test/visual/ (`npm run test:visual:update` writes new ones: look at each
 * before committing). The overview and the rooms are fixed answers: only the element's looks count.
 */
import { fixture } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { html } from 'lit';
import '../src/agent/analytics.js';
import { inject } from './helpers/emulator.js';
import { agentScreenshotHooks } from './helpers/agent.js';
import { until } from './helpers/launcher.js';

const OVERVIEW = {
  url_latest: 'https://example.com/pricing',
  url_most_popular: 'example.com',
  rooms_total: 1284,
  rooms_today: 17,
  rooms_thisweek: 96,
  rooms_thismonth: 402,
  averageduration_alltime: 14,
  averageduration_today: 9,
  averageduration_thisweek: 12,
  averageduration_thismonth: 13,
};
const ROOMS = [
  ['318204775', 'Pricing tour with Ana', '2026-11-30T09:12:05Z', 1686, 2],
  ['902114563', 'Checkout help', '2026-11-30T08:48:41Z', 512, 0],
  ['551093027', null, '2026-11-29T16:59:30Z', 95, 1],
].map(([room, title, date, duration, screenrecordings]) => ({ room, title, date, duration, screenrecordings }));
const VIEWPORTS = [
  [1280, 1000],
  [390, 844],
] as const;

describe('<samesurf-analytics> looks', () => {
  agentScreenshotHooks();

  for (const [width, height] of VIEWPORTS)
    for (const scheme of ['light', 'dark'] as const) {
      const name = `analytics-${scheme}-${width}x${height}`;
      it(name, async () => {
        await setViewport({ width, height });
        await emulateMedia({ colorScheme: scheme });
        await inject(
          { call: 'analyticsoverview', patch: OVERVIEW },
          { call: 'analyticsrooms', patch: { rooms: ROOMS, total_rooms: 1284 } },
        );
        const host =
          await fixture<HTMLDivElement>(html`<div lang="en" style="padding: 16px; font: 16px/1.4 sans-serif;">
          <samesurf-analytics api-base="/samesurf-agent" limit="3"></samesurf-analytics>
        </div>`);
        const root = host.querySelector('samesurf-analytics')!.shadowRoot!;
        await until(() => root.querySelectorAll('tr[data-room]').length === 3, 'the rooms');
        await visualDiff(host, name);
      });
    }
});
