/**
 * Screenshots of every state (idle, busy, live, error, configuration error with debug, open, share panel, re-entered
 * after the room ended) in light, dark and forced colours, left-to-right and right-to-left, at 1280×900, 390×844 and
 * 844×390, compared with the
 * baselines in test/visual/ (`npm run test:visual:update` writes new ones: look at each before committing).
 * The room is a fixed stand-in page and every animation is paused, so that only the launcher's own looks count.
 */
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { html, render } from 'lit';
import type { SameSurfLauncher } from '../src/index.js';
import { inject, reset } from './helpers/emulator.js';
import { apiBase, click, dialogOf, nextEvent, part, until } from './helpers/launcher.js';

const VIEWPORTS = [
  [1280, 900],
  [390, 844],
  [844, 390],
] as const;
const THEMES = ['light', 'dark', 'forced'] as const;
const DIRECTIONS = ['ltr', 'rtl'] as const;
const STATES = ['idle', 'busy', 'live', 'error', 'config', 'open', 'share', 'ended'] as const;
type State = (typeof STATES)[number];

const ROOM = `${location.origin}/test/visual/room.html`;
const GUEST = 'https://realtime.samesurf.com/424242424/GUESTLINK';
const still = new CSSStyleSheet();
still.replaceSync(
  `*, *::before, *::after { animation-play-state: paused !important; animation-delay: -0.3s !important; transition: none !important; caret-color: transparent !important; }`,
);

async function theme(name: (typeof THEMES)[number]) {
  await emulateMedia({ colorScheme: name === 'dark' ? 'dark' : 'light' });
  await executeServerCommand(
    'emulate-media-features',
    name === 'forced' ? [{ name: 'forced-colors', value: 'active' }] : [],
  );
}

/** A page with one launcher, in `dir`, set up for `state`; returns what to photograph. */
async function arrange(state: State, dir: string): Promise<{ el: SameSurfLauncher; target: Element }> {
  const host = document.createElement('div');
  host.className = 'visual-page';
  host.dir = dir;
  host.lang = 'en';
  document.body.append(host);
  const attrs = state === 'config' ? { mode: 'party', debug: true } : {};
  render(
    html`<div class="stage" style="padding: 24px; font: 16px/1.4 sans-serif;">
      <samesurf-launcher api-key="demo-key" api-base=${apiBase} realtime-origin=${`https://realtime.samesurf.com ${location.origin}`}
        start-url="https://example.com/pricing" mode=${attrs.mode ?? 'room'} ?debug=${attrs.debug ?? false}>Co-browse with an adviser</samesurf-launcher>
    </div>`,
    host,
  );
  const el = host.querySelector('samesurf-launcher')!;
  await el.updateComplete;
  // Warm up as a pointer would: the launch code (and the dialog's styles) load now, not in idle time.
  part(el, 'button')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
  await until(() => el.shadowRoot!.adoptedStyleSheets.length > 1, 'the launch code');
  const freeze = () =>
    (el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets.filter((s) => s !== still), still]);
  freeze();
  const stage = host.querySelector('.stage')!;
  const room = { privateinvitation: ROOM, publicinvitation: GUEST, room: '424242424' };
  switch (state) {
    case 'idle':
      return { el, target: stage };
    case 'config':
      await until(() => part(el, 'error') !== null, 'the configuration message');
      return { el, target: stage };
    case 'busy':
      await inject({ call: 'create', delayMs: 8000 });
      void el.launch();
      await until(() => el.getAttribute('state') === 'busy', 'busy');
      freeze();
      return { el, target: stage };
    case 'error':
      await inject({ call: 'create', status: 500 });
      await el.launch();
      return { el, target: stage };
    default: {
      await inject({ call: 'create', patch: room });
      const shown = nextEvent(el, 'samesurf-after-show');
      await el.launch();
      await shown;
      await until(() => part(el, 'loading')!.hidden === true, 'the room loaded');
      freeze();
      if (state === 'live') {
        await el.hide();
        return { el, target: stage };
      }
      if (state === 'share') await click(part(el, 'share-button')!);
      if (state === 'ended') {
        // Re-entered after the room had ended (the stand-in room number is unknown to the API, so the check says so).
        await el.hide();
        await el.launch();
        await until(() => part(el, 'ended') !== null, 'the ended layer');
        freeze();
      }
      // Focus rings are part of other tests; the screenshot shows the dialog at rest.
      (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
      return { el, target: dialogOf(el) };
    }
  }
}

describe('<samesurf-launcher> looks', () => {
  beforeEach(reset);
  afterEach(async () => {
    for (const page of document.querySelectorAll('.visual-page')) {
      await page.querySelector('samesurf-launcher')?.reset();
      page.remove();
    }
    await theme('light');
    await setViewport({ width: 800, height: 600 });
  });

  for (const [width, height] of VIEWPORTS) {
    for (const themeName of THEMES) {
      for (const dir of DIRECTIONS) {
        for (const state of STATES) {
          const name = `${state}-${themeName}-${dir}-${width}x${height}`;
          it(name, async () => {
            await setViewport({ width, height });
            await theme(themeName);
            const { target } = await arrange(state, dir);
            await visualDiff(target, name);
          });
        }
      }
    }
  }
});
