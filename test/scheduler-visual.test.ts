/**
 * Screenshots of <samesurf-scheduler> (the form with its field problems; the scheduled room's links) in light and
 * dark, on a desktop and on a phone, compared with the baselines in test/visual/ (`npm run test:visual:update` writes
 * new ones: look at each before committing). The answer is fixed: only the element's looks count.
 */
import { fixture } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { html } from 'lit';
import '../src/agent/scheduler.js';
import { inject } from './helpers/emulator.js';
import { agentScreenshotHooks } from './helpers/agent.js';
import { until } from './helpers/launcher.js';

const VIEWPORTS = [
  [1280, 900],
  [390, 844],
] as const;

describe('<samesurf-scheduler> looks', () => {
  agentScreenshotHooks();

  for (const [width, height] of VIEWPORTS)
    for (const scheme of ['light', 'dark'] as const)
      for (const state of ['problems', 'scheduled'] as const) {
        const name = `scheduler-${state}-${scheme}-${width}x${height}`;
        it(name, async () => {
          await setViewport({ width, height });
          await emulateMedia({ colorScheme: scheme });
          await inject({
            call: 'create',
            patch: {
              room: '318204775',
              privateinvitation: 'https://realtime.samesurf.com/318204775/LEADER',
              publicinvitation: 'https://realtime.samesurf.com/318204775/GUEST',
            },
          });
          const host =
            await fixture<HTMLDivElement>(html`<div lang="en" style="padding: 16px; font: 16px/1.4 sans-serif;">
            <samesurf-scheduler api-base="/samesurf-agent"></samesurf-scheduler>
          </div>`);
          const el = host.querySelector('samesurf-scheduler')!;
          const root = el.shadowRoot!;
          const set = (name: string, value: string) => {
            root.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value = value;
          };
          set('timezone', 'Europe/Berlin');
          set('title', 'Plan review with Ana');
          if (state === 'problems') {
            set('lengthinminutes', '0');
            set('invitees', 'ana@example.com, bob@');
          } else set('eventtime', '2030-07-01T09:00');
          root.querySelector('form')!.requestSubmit();
          await until(
            () => root.querySelector(state === 'problems' ? '.field-error' : '[part~="result"]') !== null,
            state,
          );
          (root.activeElement as HTMLElement | null)?.blur();
          await visualDiff(host, name);
        });
      }
});
