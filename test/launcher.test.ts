import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { fixture } from '@open-wc/testing';
import { inject, requestCounts, reset } from './helpers/emulator.js';
import {
  announced,
  api,
  base,
  buttonLabel,
  click,
  dialogOf,
  launcher,
  nextEvent,
  openByClick,
  part,
  roomUsers,
  until,
} from './helpers/launcher.js';

describe('<samesurf-launcher>', () => {
  beforeEach(reset);

  it('renders an accessible button with the slotted label, and is accessible idle', async () => {
    const el = await launcher();
    const button = part<HTMLButtonElement>(el, 'button')!;
    expect(button.tagName).to.equal('BUTTON');
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(el.textContent).to.contain('Co-browse with us');
    expect(el.getAttribute('state')).to.equal('idle');
    await expect(el).to.be.accessible();
  });

  it('creates a room on click and shows the room page in a modal dialog, as leader', async () => {
    const el = await launcher();
    const created = nextEvent(el, 'samesurf-created');
    await openByClick(el);
    const { detail } = await created;
    if (detail.mode !== 'room') throw new Error('a discriminant tells a room from an invitation');
    expect(detail.room).to.match(/^\d{9}$/);

    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true, 'opened with showModal()');
    expect(el.getAttribute('state')).to.equal('open');
    const heading = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(heading.tagName).to.equal('H2');
    expect(heading.textContent!.trim()).to.equal('Co-browsing');

    const frame = part<HTMLIFrameElement>(el, 'frame')!;
    expect(frame.src).to.equal(detail.privateinvitation);
    expect(frame.title).to.equal('Co-browsing session');
    expect(frame.getAttribute('allow')).to.equal('camera; microphone; display-capture; fullscreen; clipboard-write');
    await until(async () => (await roomUsers(detail.room)).length === 1, 'the room page to record the join');
    expect((await roomUsers(detail.room))[0]!.host).to.equal(true);

    const share = part(el, 'share')!;
    expect(share.hidden).to.equal(true, 'the invitation panel waits behind its button');
    expect(share.querySelector('input')!.value).to.equal(detail.publicinvitation, 'the guest (token) link');
    expect(part(el, 'tab-button')!.tagName).to.equal('BUTTON');
    expect((await api().runningRooms()).totalrooms).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows a busy state while the call runs, and is accessible busy', async () => {
    await inject({ call: 'create', delayMs: 800 });
    const el = await launcher();
    await click(part(el, 'button')!);
    await until(() => part(el, 'button')!.getAttribute('aria-busy') === 'true', 'busy');
    expect(part(el, 'spinner') !== null).to.equal(true, 'a spinner');
    expect(buttonLabel(el)).to.equal('Co-browse with us', 'the label stays');
    expect(announced(el)).to.equal('Starting…', 'and a screen reader hears it');
    expect(el.getAttribute('state')).to.equal('busy');
    await expect(el).to.be.accessible();
    await oneEvent(el, 'samesurf-after-show');
    expect(part(el, 'button')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('creates exactly one room for a double and a triple click', async () => {
    await inject({ call: 'create', delayMs: 400, count: 2 });
    const el = await launcher();
    const button = part(el, 'button')!;
    let shown = oneEvent(el, 'samesurf-after-show');
    await click(button);
    await click(button);
    await shown;
    expect((await api().runningRooms()).totalrooms).to.equal(1);
    await el.reset();

    shown = oneEvent(el, 'samesurf-after-show');
    await click(button);
    await click(button);
    await click(button);
    await shown;
    expect((await api().runningRooms()).totalrooms).to.equal(2);
    await el.reset();

    expect(await Promise.all([el.launch(), el.launch(), el.launch()])).to.deep.equal([true, true, true]);
    expect((await requestCounts()).create).to.equal(3);
  });

  it('works from the keyboard only: Tab, Enter, Escape, focus back on the button', async () => {
    const el = await launcher();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button'));
    const shown = oneEvent(el, 'samesurf-after-show');
    await sendKeys({ press: 'Enter' });
    await shown;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'minimise-button'), 'focus moves into the dialog');
    const hide = oneEvent(el, 'samesurf-hide');
    const hidden = oneEvent(el, 'samesurf-after-hide');
    await sendKeys({ press: 'Escape' });
    expect(((await hide) as CustomEvent).detail.source).to.equal('keyboard');
    await hidden;
    expect(dialogOf(el).open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button'));
    // Space on the button re-enters.
    const again = oneEvent(el, 'samesurf-after-show');
    await sendKeys({ press: 'Space' });
    await again;
  });

  it('minimises from its button and a backdrop click, each once, through one cancelable samesurf-hide', async () => {
    const el = await launcher();
    await openByClick(el);
    const sources: string[] = [];
    el.addEventListener('samesurf-hide', (e) => sources.push(e.detail.source));
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('samesurf-hide', veto, { once: true });
    await click(part(el, 'minimise-button')!);
    expect(dialogOf(el).open).to.equal(true, 'a cancelled hide keeps it open');
    const closed = oneEvent(el, 'samesurf-after-hide');
    await click(part(el, 'minimise-button')!);
    await closed;
    expect(dialogOf(el).open).to.equal(false);

    await openByClick(el);
    const closedAgain = oneEvent(el, 'samesurf-after-hide');
    const { sendMouse } = await import('@web/test-runner-commands');
    await sendMouse({ type: 'click', position: [3, 3] });
    await closedAgain;
    expect(sources).to.deep.equal(['minimise-button', 'minimise-button', 'backdrop']);
  });

  it('fires show, after-show, hide and after-hide in order, from methods too', async () => {
    const el = await launcher();
    const order: string[] = [];
    for (const name of ['samesurf-show', 'samesurf-after-show', 'samesurf-hide', 'samesurf-after-hide']) {
      el.addEventListener(name, (e) => {
        expect(e.bubbles && e.composed).to.equal(true);
        order.push(name);
      });
    }
    expect(await el.launch()).to.equal(true);
    expect(dialogOf(el).open).to.equal(true, 'launch() resolves once open');
    await el.hide();
    expect(dialogOf(el).open).to.equal(false, 'hide() resolves once closed');
    await el.show();
    expect(dialogOf(el).open).to.equal(true);
    expect(order).to.deep.equal([
      'samesurf-show',
      'samesurf-after-show',
      'samesurf-hide',
      'samesurf-after-hide',
      'samesurf-show',
      'samesurf-after-show',
    ]);
  });

  it("locks page scroll while open and restores the page's own style exactly", async () => {
    const tall = document.body.appendChild(document.createElement('div'));
    tall.style.height = '300vh';
    document.documentElement.style.setProperty('overflow', 'scroll');
    document.documentElement.style.setProperty('color', 'black');
    const before = document.documentElement.getAttribute('style');
    const el = await launcher();
    await el.launch();
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    await el.hide();
    expect(document.documentElement.getAttribute('style')).to.equal(before);
    document.documentElement.removeAttribute('style');
    await el.show();
    await el.hide();
    expect(document.documentElement.hasAttribute('style')).to.equal(false);
    tall.remove();
  });

  it('leaves a page that does not scroll alone (no relayout, no scrollbar taken away)', async () => {
    document.documentElement.style.setProperty('overflow', 'scroll');
    const before = document.documentElement.getAttribute('style');
    const el = await launcher();
    await el.launch();
    expect(document.documentElement.getAttribute('style')).to.equal(before);
    await el.hide();
    expect(document.documentElement.getAttribute('style')).to.equal(before);
    document.documentElement.removeAttribute('style');
  });

  it('copies the guest link with a confirmation, and toggles full screen', async () => {
    const el = await launcher();
    await openByClick(el);
    // Copy first: the clipboard wants a focused document, which leaving full screen may not give back at once.
    await click(part(el, 'share-button')!);
    expect(part(el, 'share-button')!.getAttribute('aria-expanded')).to.equal('true');
    await click(part(el, 'copy-button')!);
    await until(() => part(el, 'share')!.textContent!.includes('Link copied'), 'copy confirmation');

    const toggle = part(el, 'fullscreen-button')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await click(toggle);
    await until(() => toggle.getAttribute('aria-pressed') === 'true', 'full screen');
    const r = dialogOf(el).getBoundingClientRect();
    expect([Math.round(r.width), Math.round(r.height)]).to.deep.equal([innerWidth, innerHeight]);
    await click(toggle);
    await until(() => toggle.getAttribute('aria-pressed') === 'false', 'full screen off');
  });

  it('honours prefers-reduced-motion', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await launcher();
      await el.launch();
      expect(getComputedStyle(dialogOf(el)).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    const el = await launcher();
    await el.launch();
    expect(getComputedStyle(dialogOf(el)).animationName).to.not.equal('none');
  });

  it('is themable through custom properties and parts, and inherits the page font', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="font-family: Georgia, serif">
      <style>
        .themed { --samesurf-accent: rgb(200, 0, 100); --samesurf-radius: 0px; }
        .themed::part(button) { text-transform: uppercase; }
      </style>
      <samesurf-launcher class="themed" api-key="demo-key">Go</samesurf-launcher>
    </div>`);
    const el = wrapper.querySelector('samesurf-launcher')!;
    await el.updateComplete;
    const style = getComputedStyle(part(el, 'button')!);
    expect(style.backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(style.borderRadius).to.equal('0px');
    expect(style.textTransform).to.equal('uppercase');
    expect(style.fontFamily).to.contain('Georgia');
  });

  it('uses the icon, dialog-title and footer slots', async () => {
    const el = await launcher(
      html`<svg slot="icon" id="ic" width="10" height="10"></svg>Talk<span slot="dialog-title">Shop together</span><p slot="footer">Need help? Call us.</p>`,
    );
    const iconSlot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="icon"]')!;
    expect(iconSlot.assignedElements()[0]!.id).to.equal('ic');
    await el.launch();
    const title = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="dialog-title"]')!;
    expect(title.assignedElements()[0]!.textContent).to.equal('Shop together');
    expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="footer"]')!.assignedElements()).to.have.length(1);
    expect(base).to.be.a('string');
  });
});
