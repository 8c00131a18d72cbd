/** Helpers for tests of <samesurf-launcher> against the emulator. */
import { fixture, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import '../../src/define.js';
import type { SameSurfLauncher } from '../../src/launcher/samesurf-launcher.js';
import { SameSurfClient, type CreateRoomResponse } from '../../src/api/index.js';
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

export interface Mounted {
  el: SameSurfLauncher;
  errors: CustomEvent[];
  warnings: unknown[][];
  consoleErrors: unknown[][];
  restore(): void;
}

/**
 * Creates a launcher with listeners in place before it connects, capturing
 * samesurf-error events and console warnings/errors.
 */
export async function mount(attrs: Record<string, string | null>, label = 'Co-browse'): Promise<Mounted> {
  const el = document.createElement('samesurf-launcher');
  const errors: CustomEvent[] = [];
  el.addEventListener('samesurf-error', (e) => errors.push(e));
  for (const [k, v] of Object.entries(attrs)) if (v !== null) el.setAttribute(k, v);
  el.textContent = label;
  const warnings: unknown[][] = [];
  const consoleErrors: unknown[][] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => warnings.push(args);
  console.error = (...args: unknown[]) => consoleErrors.push(args);
  const { fixture } = await import('@open-wc/testing');
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  await el.updateComplete;
  return {
    el,
    errors,
    warnings,
    consoleErrors,
    restore() {
      console.warn = warn;
      console.error = error;
    },
  };
}

/** The attributes every emulator launcher needs. */
export const emulatorAttrs = () => ({ 'api-key': 'demo-key', 'api-base': apiBase, 'realtime-origin': base });

/** Clicks the button and waits until the new room is created and shown; returns the API's answer. */
export async function createByClick(el: SameSurfLauncher): Promise<CreateRoomResponse> {
  const created = oneEvent(el, 'samesurf-created');
  const shown = oneEvent(el, 'samesurf-after-show');
  await click(part(el, 'button')!);
  const { detail } = (await created) as CustomEvent<CreateRoomResponse>;
  await shown;
  return detail;
}
