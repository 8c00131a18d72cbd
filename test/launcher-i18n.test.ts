import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { SameSurfLauncher } from '../src/index.js';
import { inject, reset } from './helpers/emulator.js';
import { apiBase, base, buttonLabel, part } from './helpers/launcher.js';

async function inLang(lang: string) {
  const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><section>
    <samesurf-launcher api-key="demo-key" api-base=${apiBase} realtime-origin=${base}></samesurf-launcher>
  </section></div>`);
  return page.querySelector<SameSurfLauncher>('samesurf-launcher')!;
}

describe('<samesurf-launcher> languages', () => {
  beforeEach(reset);

  it('speaks German from the nearest lang attribute', async () => {
    const el = await inLang('de-AT');
    expect(buttonLabel(el)).to.equal('Co-Browsing starten');
    await el.launch();
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Co-Browsing');
    expect(part(el, 'minimise-button')!.textContent!.trim()).to.equal('Minimieren');
    expect(part(el, 'leave-button')!.textContent!.trim()).to.equal('Verlassen');
    expect(part(el, 'copy-button')!.textContent!.trim()).to.equal('Link kopieren');
    expect(el.shadowRoot!.querySelector('iframe')!.title).to.equal('Co-Browsing-Sitzung');
    await el.hide();
    expect(buttonLabel(el)).to.equal('Live: zurück zum Co-Browsing');
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish, errors included', async () => {
    const el = await inLang('es');
    expect(buttonLabel(el)).to.equal('Iniciar navegación compartida');
    await inject({ call: 'create', status: 503 });
    await el.launch();
    expect(part(el, 'error')!.textContent).to.contain('tiene problemas');
    expect(part(el, 'retry-button')!.textContent!.trim()).to.equal('Reintentar');
  });

  it('falls back to English for other languages and takes overrides through `strings`', async () => {
    const el = await inLang('fr');
    expect(buttonLabel(el)).to.equal('Start co-browsing');
    el.strings = { start: 'Naviguer ensemble', minimise: 'Réduire' };
    await el.updateComplete;
    expect(buttonLabel(el)).to.equal('Naviguer ensemble');
    await el.launch();
    expect(part(el, 'minimise-button')!.textContent!.trim()).to.equal('Réduire');
  });

  it('follows a change of the page language', async () => {
    const el = await inLang('en');
    el.closest('[lang]')!.setAttribute('lang', 'de');
    el.requestUpdate();
    await el.updateComplete;
    expect(buttonLabel(el)).to.equal('Co-Browsing starten');
  });
});
