/** What the agent's element tests share: the stand-in login, mounting an element, reading its shadow tree. */
import { fixture } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { SameSurfErrorDetail } from '../../src/index.js';
import { reset } from './emulator.js';

/** The cookie the test runner's agent proxy (/samesurf-agent/) takes as a signed-in agent. */
export const signIn = () => (document.cookie = 'agent=signed-in; path=/');
export const signOut = () => (document.cookie = 'agent=; path=/; max-age=0');

type AgentTag = 'samesurf-rooms' | 'samesurf-room-report' | 'samesurf-analytics' | 'samesurf-scheduler';

/**
 * An agent element in a fixture of its own (language `lang`), through the agent proxy unless `attrs` say otherwise,
 * with every samesurf-error it fires from the start.
 */
export async function mountAgent<K extends AgentTag>(
  tag: K,
  attrs: Record<string, string> = {},
  lang = 'en',
): Promise<{ el: HTMLElementTagNameMap[K]; errors: SameSurfErrorDetail[] }> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement(tag);
  const errors: SameSurfErrorDetail[] = [];
  el.addEventListener('samesurf-error', (e) => errors.push((e as CustomEvent<SameSurfErrorDetail>).detail));
  for (const [k, v] of Object.entries({ 'api-base': '/samesurf-agent', ...attrs })) el.setAttribute(k, v);
  host.append(el);
  await el.updateComplete;
  return { el, errors };
}

/** Screenshot tests: signed in and the emulator reset before each; light and the runner's viewport again after. */
export function agentScreenshotHooks(): void {
  beforeEach(async () => {
    signIn();
    await reset();
  });
  afterEach(async () => {
    signOut();
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });
}
