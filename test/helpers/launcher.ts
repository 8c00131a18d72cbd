/** Helpers for tests of <samesurf-launcher> against the emulator. */
import { fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import '../../src/define.js';
import type { SameSurfLauncher } from '../../src/launcher/samesurf-launcher.js';
import { SameSurfClient, type CreateRoomResponse } from '../../src/api/index.js';
import { apiBase, base } from './emulator.js';

export { apiBase, base, waitUntil };

/** The attributes every emulator launcher needs. */
export const emulatorAttrs = () => ({
  'api-key': 'demo-key',
  'api-base': apiBase,
  'realtime-origin': base,
  'start-url': 'https://example.com/pricing',
});

export interface Mounted {
  el: SameSurfLauncher;
  /** Every samesurf-error, in order. */
  errors: CustomEvent[];
  warnings: unknown[][];
  consoleErrors: unknown[][];
}

// console.warn/error are captured per mounted launcher and restored after every test, whatever it did.
const { warn, error } = console;
afterEach(() => {
  console.warn = warn;
  console.error = error;
});

/**
 * A launcher with every given attribute (null: left out), its label or light-DOM content, connected to the
 * document with listeners in place first: samesurf-error events and console warnings/errors are captured.
 */
export async function mount(
  attrs: Record<string, string | null> = emulatorAttrs(),
  content: string | TemplateResult = 'Co-browse',
): Promise<Mounted> {
  const host = await fixture<HTMLDivElement>(html`<div>${content}</div>`);
  const el = document.createElement('samesurf-launcher');
  const errors: CustomEvent[] = [];
  el.addEventListener('samesurf-error', (e) => errors.push(e));
  for (const [k, v] of Object.entries(attrs)) if (v !== null) el.setAttribute(k, v);
  el.append(...host.childNodes);
  const warnings: unknown[][] = [];
  const consoleErrors: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  console.error = (...args: unknown[]) => consoleErrors.push(args);
  host.append(el);
  await el.updateComplete;
  return { el, errors, warnings, consoleErrors };
}

/** A launcher on the emulator (the common case): `mount` with emulatorAttrs and `extra` on top. */
export async function launcher(
  content: string | TemplateResult = 'Co-browse with us',
  extra: Record<string, string | null> = {},
) {
  return (await mount({ ...emulatorAttrs(), ...extra }, content)).el;
}

/** The next `name` event from `el`, typed by the element's event map. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  el: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return oneEvent(el, name) as unknown as Promise<GlobalEventHandlersEventMap[K]>;
}

export const part = <T extends Element = HTMLElement>(el: SameSurfLauncher, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

export const dialogOf = (el: SameSurfLauncher) => el.shadowRoot!.querySelector('dialog')!;

/** What the button says now: the slotted label (or its default), or while live the live label, generated. */
export function buttonLabel(el: SameSurfLauncher): string {
  const label = el.shadowRoot!.querySelector('.label')!;
  const slot = label.querySelector('slot')!;
  if (getComputedStyle(slot).visibility === 'hidden') {
    if (getComputedStyle(label, '::after').visibility === 'hidden') throw new Error('neither label shows');
    return (label as HTMLElement).dataset.live!;
  }
  const assigned = slot.assignedNodes({ flatten: true });
  return (assigned.length ? assigned.map((n) => n.textContent).join('') : slot.textContent!).trim();
}

/** The launcher's polite live region (outside the dialog). */
export const announced = (el: SameSurfLauncher) =>
  [...el.shadowRoot!.querySelectorAll('.sr-only')].find((n) => !n.closest('dialog'))!.textContent!.trim();
/** The dialog's own live region (the page behind a modal dialog is inert, so it speaks while the dialog is open). */
export const announcedInDialog = (el: SameSurfLauncher) => dialogOf(el).querySelector('.sr-only')!.textContent!.trim();

/** A real mouse click in the middle of an element (gives the page user activation). */
export async function click(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** Clicks the launcher's button and waits for the dialog to be open. */
export async function openByClick(el: SameSurfLauncher): Promise<void> {
  const shown = nextEvent(el, 'samesurf-after-show');
  await click(part(el, 'button')!);
  await shown;
}

/** Clicks the button and waits until the new room is created and shown; returns the API's answer. */
export async function createByClick(el: SameSurfLauncher): Promise<CreateRoomResponse> {
  const created = nextEvent(el, 'samesurf-created');
  const shown = nextEvent(el, 'samesurf-after-show');
  await click(part(el, 'button')!);
  const { detail } = await created;
  await shown;
  return detail as CreateRoomResponse;
}

export const api = () => new SameSurfClient({ baseUrl: apiBase, apiKey: 'demo-key' });

/** Waits until `check` holds (open-wc's waitUntil, async checks allowed). */
export const until = (check: () => boolean | Promise<boolean>, what: string, timeout = 10_000) =>
  waitUntil(check, `timed out waiting for ${what}`, { timeout, interval: 25 });

/** The room's users as the emulator recorded them through its room page. */
export async function roomUsers(room: string) {
  return (await api().roomAnalytics({ room })).users;
}

/** The users in the room now (joined, not left). */
export async function presentUsers(room: string) {
  return (await roomUsers(room)).filter((u) => u.leftat === null);
}
