/**
 * What a person sees, measured: the room keeps the space at every size, the button keeps its width, themes,
 * forced colours and right-to-left. (The screenshots of every state are in launcher-visual.test.ts.)
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { inject, reset } from './helpers/emulator.js';
import { click, createByClick, dialogOf, emulatorAttrs, launcher, mount, part, until } from './helpers/launcher.js';

const rect = (el: Element) => el.getBoundingClientRect();
const mediaFeatures = (features: { name: string; value: string }[]) =>
  executeServerCommand('emulate-media-features', features);

/** Relative luminance and contrast ratio (WCAG 2). */
function luminance(color: string): number {
  const [r, g, b] = color
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map(Number)
    .map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('<samesurf-launcher> layout', () => {
  beforeEach(reset);
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light' });
    await mediaFeatures([]);
    document.documentElement.style.removeProperty('font-size');
  });

  it('a pill button (--samesurf-radius: 999px) opens a dialog with sane corners, not an ellipse', async () => {
    const el = await launcher();
    el.style.setProperty('--samesurf-radius', '999px');
    expect(getComputedStyle(part(el, 'button')!).borderTopLeftRadius).to.equal('999px');
    await createByClick(el);
    expect(parseFloat(getComputedStyle(dialogOf(el)).borderTopLeftRadius)).to.be.at.most(24);
    el.style.setProperty('--samesurf-dialog-radius', '4px');
    expect(getComputedStyle(dialogOf(el)).borderTopLeftRadius).to.equal('4px');
  });

  for (const [width, height, what] of [
    [1280, 900, 'desktop'],
    [390, 844, 'phone'],
    [844, 390, 'phone landscape'],
    [320, 225, '400 % zoom'],
  ] as const) {
    it(`keeps most of the screen for the room at ${width}×${height} (${what})`, async () => {
      await setViewport({ width, height });
      const el = await launcher();
      await createByClick(el);
      const frame = rect(part(el, 'frame')!);
      expect(frame.height).to.be.at.least(height * 0.5, `the room is ${frame.height}px tall`);
      expect(frame.width).to.be.at.least(Math.min(width, 1100) * 0.9);
      if (width <= 600 || height <= 500) {
        const d = rect(dialogOf(el));
        expect([Math.round(d.width), Math.round(d.height)]).to.deep.equal([width, height], 'a full-screen sheet');
      }
      // Every tool stays reachable and labelled.
      for (const name of ['fullscreen-button', 'tab-button', 'minimise-button', 'leave-button']) {
        const tool = part(el, name)!;
        expect(rect(tool).width, name).to.be.greaterThan(0);
        expect(rect(tool).right, name).to.be.at.most(width + 0.5);
        expect(tool.textContent!.trim(), name).to.not.equal('');
      }
      await expect(el).to.be.accessible();
    });
  }

  it('keeps the title readable on a phone with the text at 200 %', async () => {
    await setViewport({ width: 390, height: 844 });
    document.documentElement.style.setProperty('font-size', '200%');
    const page = await mount({ ...emulatorAttrs() });
    page.el.closest('div')!.setAttribute('lang', 'es');
    await createByClick(page.el);
    const title = part(page.el, 'title')!;
    expect(rect(title).width).to.be.at.least(120, 'not squeezed to one letter');
    expect(rect(part(page.el, 'frame')!).height).to.be.at.least(844 * 0.5);
  });

  for (const [width, height, zoom] of [
    [320, 225, ''],
    [390, 844, '200%'],
  ] as const) {
    it(`keeps the leave question inside the room area at ${width}×${height}${zoom ? ` with text at ${zoom}` : ''}`, async () => {
      await setViewport({ width, height });
      if (zoom) document.documentElement.style.setProperty('font-size', zoom);
      const el = await launcher();
      await createByClick(el);
      await click(part(el, 'leave-button')!);
      const stage = rect(part(el, 'stage')!);
      const confirm = part(el, 'confirm')!;
      expect(rect(confirm).top).to.be.at.least(stage.top - 0.5, 'its question is not above the room');
      expect(rect(confirm).bottom).to.be.at.most(stage.bottom + 0.5);
      const stay = confirm.querySelector('.stay')!;
      stay.scrollIntoView({ block: 'nearest' });
      expect(rect(stay).bottom).to.be.at.most(Math.min(stage.bottom, height) + 0.5, 'Stay can be reached');
    });
  }

  it('never makes the button wider than its column when the text is zoomed', async () => {
    await setViewport({ width: 390, height: 844 });
    document.documentElement.style.setProperty('font-size', '200%');
    const m = await mount({ ...emulatorAttrs(), lang: null }, 'Through our server (proxy)');
    m.el.parentElement!.style.width = '260px';
    m.el.style.fontSize = '1rem';
    await m.el.updateComplete;
    expect(rect(part(m.el, 'button')!).width).to.be.at.most(260.5);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
  });

  it('opens the invitation panel over the room instead of pushing the room down', async () => {
    const el = await launcher();
    await createByClick(el);
    const before = rect(part(el, 'frame')!);
    await click(part(el, 'share-button')!);
    const after = rect(part(el, 'frame')!);
    expect([after.top, after.height]).to.deep.equal([before.top, before.height]);
    expect(part(el, 'share')!.hidden).to.equal(false);
    const copy = part(el, 'copy-button')!;
    const width = rect(copy).width;
    await click(copy);
    await until(() => part(el, 'share')!.textContent!.includes('Link copied'), 'copied');
    expect(rect(copy).width).to.equal(width, 'the copy button does not jump');
  });

  it('keeps the icon, the spinner and the dot whole in a narrow button, and the button its size with a custom icon', async () => {
    await inject({ call: 'create', delayMs: 500 });
    const el = await launcher(
      html`<svg slot="icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="10"
        /></svg>Talk this through with one of our friendly pricing advisers right now`,
    );
    el.style.width = '200px';
    const button = part(el, 'button')!;
    const icon = el.querySelector('svg')!;
    const size = (e: Element) => [Math.round(rect(e).width), Math.round(rect(e).height)];
    expect(size(icon)).to.deep.equal([24, 24], 'the custom icon is not squeezed by the wrapping label');
    const idle = size(button);
    await click(button);
    await until(() => el.getAttribute('state') === 'busy', 'busy');
    const glyph = button.querySelector('.glyph')!;
    expect(size(glyph)[0]).to.equal(size(glyph)[1], 'a round spinner');
    expect(size(button)).to.deep.equal(idle, 'starting: the same size');
    await until(() => el.getAttribute('state') === 'open', 'open');
    await el.hide();
    expect(el.getAttribute('state')).to.equal('live');
    expect(rect(glyph).width).to.be.closeTo(20, 0.5, 'the dot keeps its box');
    // (Its own label, the live one, may wrap to fewer lines: the width is what stays.)
    expect(size(button)[0]).to.equal(idle[0], 'live: the same width');
    await el.reset();
  });

  it('keeps the button the same width idle, starting, live and after an error; a long label never collapses', async () => {
    await inject({ call: 'create', delayMs: 500 });
    const el = await launcher('Co-browse with one of our friendly advisers right now');
    const button = part(el, 'button')!;
    const idle = rect(button).width;
    await click(button);
    await until(() => el.getAttribute('state') === 'busy', 'busy');
    expect(rect(button).width).to.equal(idle, 'starting');
    await until(() => el.getAttribute('state') === 'open', 'open');
    await el.hide();
    expect(el.getAttribute('state')).to.equal('live');
    expect(rect(button).width).to.equal(idle, 'live');
    await el.reset();
    await inject({ call: 'create', status: 500 });
    await el.launch();
    expect(el.getAttribute('state')).to.equal('error');
    expect(rect(button).width).to.equal(idle, 'error');
  });

  it('is dark under theme="dark", and automatically when the visitor prefers dark', async () => {
    const el = await launcher('Go', { theme: 'dark' });
    await createByClick(el);
    const style = getComputedStyle(dialogOf(el));
    expect(luminance(style.backgroundColor)).to.be.below(0.1, style.backgroundColor);
    expect(contrast(style.color, style.backgroundColor)).to.be.at.least(4.5);
    await expect(el).to.be.accessible();
    await el.reset();

    await emulateMedia({ colorScheme: 'dark' });
    const auto = await launcher();
    await createByClick(auto);
    expect(luminance(getComputedStyle(dialogOf(auto)).backgroundColor)).to.be.below(0.1);
    const light = await launcher('Go', { theme: 'light' });
    await light.launch();
    expect(luminance(getComputedStyle(dialogOf(light)).backgroundColor)).to.be.above(
      0.8,
      'theme="light" wins over the visitor\'s preference',
    );
  });

  it('shows a focus ring of at least 3:1 on a dark page', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const m = await mount(emulatorAttrs());
    m.el.parentElement!.style.background = 'rgb(15, 17, 23)';
    const button = part(m.el, 'button')!;
    // :focus-visible, as from the keyboard.
    await sendKeys({ press: 'Tab' });
    expect(m.el.shadowRoot!.activeElement).to.equal(button);
    const ring = getComputedStyle(button).outlineColor;
    expect(getComputedStyle(button).outlineStyle).to.not.equal('none');
    expect(contrast(ring, 'rgb(15, 17, 23)')).to.be.at.least(3, ring);
  });

  it('keeps its edges and focus visible in forced colours', async () => {
    await mediaFeatures([{ name: 'forced-colors', value: 'active' }]);
    const el = await launcher();
    const button = getComputedStyle(part(el, 'button')!);
    const edged = (s: CSSStyleDeclaration) => s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) > 0;
    expect(edged(button) || button.outlineStyle !== 'none', 'the button has an edge').to.equal(true);
    await createByClick(el);
    const dialog = getComputedStyle(dialogOf(el));
    expect(edged(dialog) || dialog.outlineStyle !== 'none', 'the dialog has an edge').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('mirrors for right-to-left pages: the error accent on the inline start (right)', async () => {
    await inject({ call: 'create', status: 500 });
    const m = await mount(emulatorAttrs());
    m.el.parentElement!.setAttribute('dir', 'rtl');
    await m.el.launch();
    const box = getComputedStyle(part(m.el, 'error')!);
    expect(parseFloat(box.borderRightWidth)).to.be.greaterThan(0);
    expect(parseFloat(box.borderLeftWidth)).to.equal(0);
    await m.el.reset();
    await createByClick(m.el);
    const header = rect(part(m.el, 'header')!);
    const title = rect(part(m.el, 'title')!);
    expect(title.right).to.be.closeTo(header.right, 40, 'the title starts on the right');
  });
});
