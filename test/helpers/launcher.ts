/** Helpers for tests of <samesurf-launcher> against the emulator. */
import { fixture, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import '../../src/define.js';
import type { SameSurfLauncher } from '../../src/launcher/samesurf-launcher.js';
import { SameSurfClient } from '../../src/api/index.js';
import { apiBase, base } from './emulator.js';

export { apiBase, base };

/** A launcher set up for the emulator: key, api-base and realtime-origin. */
export function launcher(content: TemplateResult | string = 'Co-browse with us', attrs: Partial<Record<string, string>> = {}) {
  const a = { 'api-key': 'demo-key', 'start-url': 'https://example.com/pricing', ...attrs };
  return fixture<SameSurfLauncher>(html`<samesurf-launcher
    api-key=${a['api-key']!}
    api-base=${apiBase}
    realtime-origin=${base}
    start-url=${a['start-url']!}
  >${content}</samesurf-launcher>`);
}

export const part = <T extends Element = HTMLElement>(el: SameSurfLauncher, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

export const dialogOf = (el: SameSurfLauncher) => el.shadowRoot!.querySelector('dialog')!;

/** A real mouse click in the middle of an element (gives the page user activation). */
export async function click(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** Clicks the launcher's button and waits for the dialog to be open. */
export async function openByClick(el: SameSurfLauncher): Promise<void> {
  const shown = oneEvent(el, 'samesurf-after-show');
  await click(part(el, 'button')!);
  await shown;
}

export const api = () => new SameSurfClient({ baseUrl: apiBase, apiKey: 'demo-key' });

/** Waits until `check` holds (polling), for effects the page cannot await directly. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The room's users as the emulator recorded them through its room page. */
export async function roomUsers(room: string) {
  return (await api().roomAnalytics({ room })).users;
}
