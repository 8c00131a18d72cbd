/**
 * Screenshots of <samesurf-rooms> in each state (rooms, none, a failure, the invitation form with its link) in light
 * and dark, on a desktop and on a phone (where each row is a card), compared with the baselines in test/visual/
 * (`npm run test:visual:update` writes new ones: look at each before committing). The rooms are fixed answers and
 * the element's clock is stopped, so that only its own looks count.
 */
import { fixture } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { html } from 'lit';
import '../src/agent/rooms.js';
import type { SameSurfRooms } from '../src/agent/samesurf-rooms.js';
import { agentScreenshotHooks } from './helpers/agent.js';
import { control, inject } from './helpers/emulator.js';
import { base, until } from './helpers/launcher.js';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const ROOMS = [
  ['318204775', 'Pricing tour with Ana', '2026-11-30T09:12:05Z'],
  ['902114563', 'Checkout help', '2026-11-30T09:48:41Z'],
  ['551093027', null, '2026-11-30T09:59:30Z'],
].map(([room, title, starttime]) => ({
  room,
  title,
  starttime,
  publicinvitation: `${base}/realtime/${room}/LEADER`,
  privateinvitation: `${base}/realtime/${room}/GUEST`,
}));
const STATES = ['rooms', 'empty', 'error', 'invite'] as const;
const VIEWPORTS = [
  [1280, 900],
  [390, 844],
] as const;

async function arrange(state: (typeof STATES)[number]): Promise<SameSurfRooms> {
  if (state === 'error') await inject({ call: 'runningrooms', errorcode: 100 });
  else await inject({ call: 'runningrooms', patch: { rooms: state === 'empty' ? [] : ROOMS, totalrooms: 23 } });
  const host = await fixture<HTMLDivElement>(html`<div lang="en" style="padding: 16px; font: 16px/1.4 sans-serif;">
    <samesurf-rooms api-base="/samesurf-agent" realtime-origin=${base} refresh-interval="0" limit="3"></samesurf-rooms>
  </div>`);
  const el = host.querySelector('samesurf-rooms')!;
  const root = el.shadowRoot!;
  await until(() => root.querySelector('table')?.getAttribute('aria-busy') === 'false', 'loaded');
  if (state === 'error') await until(() => root.querySelector('[part~="error"]') !== null, 'the error');
  if (state === 'invite') {
    // The invitation is made for real, into a room of that number; only its link is fixed for the picture.
    await control('rooms', { room: '318204775', title: 'Pricing tour with Ana' });
    await inject({
      call: 'createlimitedusetoken',
      patch: { token: 'T0K3N', link: 'https://realtime.samesurf.com/318204775/T0K3N' },
    });
    root.querySelector<HTMLElement>('[part~="invite-button"]')!.click();
    await until(() => root.querySelector('form') !== null, 'the form');
    root.querySelector<HTMLInputElement>('input[name="usersname"]')!.value = 'Ana';
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await until(() => root.querySelector('.result') !== null, 'the link');
  }
  (root.activeElement as HTMLElement | null)?.blur();
  return el;
}

describe('<samesurf-rooms> looks', () => {
  const realNow = Date.now;
  agentScreenshotHooks();
  beforeEach(() => (Date.now = () => NOW));
  afterEach(() => (Date.now = realNow));

  for (const [width, height] of VIEWPORTS)
    for (const scheme of ['light', 'dark'] as const)
      for (const state of STATES) {
        const name = `rooms-${state}-${scheme}-${width}x${height}`;
        it(name, async () => {
          await setViewport({ width, height });
          await emulateMedia({ colorScheme: scheme });
          const el = await arrange(state);
          await visualDiff(el.parentElement!, name);
        });
      }
});
