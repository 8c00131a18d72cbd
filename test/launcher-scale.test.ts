// Cheap at scale: what each launcher on a page costs while nobody uses it. A page may hold hundreds (a product list,
// a support directory); the figures are in `npm run bench`, these tests hold the behaviour that makes them.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import type { SameSurfLauncher } from '../src/index.js';
import {
  apiBase,
  click,
  createByClick,
  dialogOf,
  emulatorAttrs,
  launcher,
  nextEvent,
  part,
  until,
} from './helpers/launcher.js';
import { launchCode, pause } from './helpers/prefetch.js';
import { inject, requestCounts, reset } from './helpers/emulator.js';

/** Every node of the launcher's shadow tree, comments (Lit's markers) included. */
function shadowNodes(el: SameSurfLauncher): number {
  let n = 0;
  const walk = (node: Node) => {
    n++;
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(el.shadowRoot!);
  return n;
}

/** Counts the element's renders from now on. */
function renders(el: SameSurfLauncher): () => number {
  const target = el as unknown as { render(): unknown };
  const render = target.render.bind(el);
  let n = 0;
  target.render = () => {
    n++;
    return render();
  };
  return () => n;
}

describe('<samesurf-launcher> at scale', () => {
  beforeEach(reset);

  it('readies the first launcher seen ahead of intent: its controller, and its dialog rendered closed', async () => {
    const el = await launcher();
    const other = await launcher();
    await pause(2600); // past the idle callback's timeout
    // Before any pointer, touch or focus: a click finds nothing left to do but the request.
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(2, "the dialog's styles");
    const dialog = dialogOf(el);
    expect(dialog, 'the dialog, rendered').to.be.an.instanceOf(HTMLDialogElement);
    expect(dialog.open).to.equal(false);
    expect(dialog.getBoundingClientRect().height).to.equal(0, 'closed: no box');
    expect(dialog.querySelector('iframe')).to.equal(null, 'no room before the click');
    expect(el.getAttribute('state')).to.equal('idle');
    expect(part(el, 'button')!.getAttribute('aria-busy')).to.equal('false');
    // One only: the second stays as it was.
    expect(other.shadowRoot!.querySelector('dialog')).to.equal(null);

    // The click opens that same dialog; leaving closes it and unloads the room, and it stays ready for the next.
    const created = nextEvent(el, 'samesurf-created');
    await click(part(el, 'button')!);
    await created;
    await until(() => dialog.open, 'the dialog open');
    expect(dialogOf(el)).to.equal(dialog);
    await el.leave();
    expect(dialogOf(el)).to.equal(dialog);
    expect(dialog.open).to.equal(false);
    expect(dialog.querySelector('iframe')).to.equal(null, 'the room unloaded');
  });

  it('readies the next launcher seen once the readied one is removed', async () => {
    const first = await launcher();
    await until(() => dialogOf(first) !== null, 'the first launcher readied');
    first.remove();
    const next = await launcher();
    await until(() => dialogOf(next) !== null, 'the next launcher readied');
    expect(dialogOf(next).open).to.equal(false);
  });

  it('readies a launcher that opens in a tab without a dialog: it never shows one', async () => {
    const el = await launcher(undefined, { open: 'tab' });
    await until(() => el.shadowRoot!.adoptedStyleSheets.length === 2, 'the launcher readied');
    await pause(2600); // past the idle callback's timeout
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    // Told to open in the modal dialog instead, it is readied with one.
    el.setAttribute('open', 'modal');
    await until(() => dialogOf(el) !== null, 'the dialog, rendered for the next click');
    expect(dialogOf(el).open).to.equal(false);
  });

  it('is seen, fetches the code, checks its configuration and then stays as it was: no render, no dialog styles', async () => {
    await launcher(); // the page's first, readied ahead of intent (above); every further one costs nothing more
    const el = await launcher();
    const count = renders(el);
    await until(() => launchCode() !== undefined, 'the launch code, fetched once seen');
    await pause(2600); // past the idle callback's timeout
    expect(count()).to.equal(0, 'not rendered again');
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(1, "the dialog's styles wait for intent");
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(el.getAttribute('state')).to.equal('idle');
  });

  it('keeps its idle shadow tree small: a button, its icon and label, a live region (10 nodes at most)', async () => {
    await launcher(); // readied ahead of intent (above)
    const el = await launcher();
    await pause(2600);
    // The shadow root, Lit's one marker, the button, the glyph's place, the icon's slot and pointer, the label, its
    // slot and default text, the live region: no template part of its own, no box for what comes after the button.
    expect(shadowNodes(el)).to.be.at.most(10);
    expect(el.shadowRoot!.querySelector('div')).to.equal(null, 'nothing after the button yet');
    expect(part(el, 'button')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('gets ready on intent: a pointer over it (or focus) makes its controller and adopts the dialog styles', async () => {
    const el = await launcher();
    part(el, 'button')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await until(() => el.shadowRoot!.adoptedStyleSheets.length === 2, 'ready after pointerover');
    const other = await launcher();
    part(other, 'button')!.focus();
    await until(() => other.shadowRoot!.adoptedStyleSheets.length === 2, 'ready after focus');
  });

  it("launches from a click on its slotted label, and inside another component's shadow root", async () => {
    const el = await launcher('Co-browse now');
    const created = nextEvent(el, 'samesurf-created');
    await click(el); // the middle of the host: the slotted text
    await created;
    await el.reset();

    const outer = document.createElement('div');
    document.body.append(outer);
    const shadow = outer.attachShadow({ mode: 'open' });
    render(
      html`<samesurf-launcher api-key="demo-key" api-base=${apiBase} start-url="https://example.com/"
        realtime-origin=${emulatorAttrs()['realtime-origin']!}>Nested</samesurf-launcher>`,
      shadow,
    );
    const nested = shadow.querySelector('samesurf-launcher')!;
    await nested.updateComplete;
    const nestedCreated = nextEvent(nested, 'samesurf-created');
    await click(part(nested, 'button')!);
    await nestedCreated;
    await nested.reset();
    outer.remove();
  });

  it('is readied by intent once: pointer and focus moves inside its open dialog do not render it again', async () => {
    const el = await launcher();
    await createByClick(el);
    await until(() => part(el, 'loading')!.hidden === true, 'the room loaded');
    await pause(100);
    const count = renders(el);
    for (const tool of ['share-button', 'fullscreen-button', 'tab-button', 'minimise-button']) {
      part(el, tool)!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      part(el, tool)!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    }
    await pause(100);
    expect(count()).to.equal(0);
    await el.reset();
  });

  it('renders its dialog while the create request is out, closed and without a room: the answer only shows it', async () => {
    await inject({ call: 'create', delayMs: 400 });
    const el = await launcher();
    let answered = false;
    el.addEventListener('samesurf-created', () => (answered = true));
    await click(part(el, 'button')!);
    await until(() => el.shadowRoot!.querySelector('dialog') !== null, 'the dialog, rendered early');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(answered).to.equal(false, 'before the answer');
    expect(dialog.open).to.equal(false);
    expect(dialog.querySelector('iframe')).to.equal(null, 'no room yet');
    expect((await requestCounts()).create).to.equal(1, 'the request went out first');
    await until(() => dialog.open, 'shown on the answer');
    expect(dialogOf(el)).to.equal(dialog, 'the same dialog');
    expect(dialog.querySelector('iframe')).to.not.equal(null);
    await el.reset();
  });

  it('a click elsewhere in the launcher (its status, its error) is not a launch', async () => {
    const el = await launcher();
    let launches = 0;
    el.addEventListener('samesurf-before-create', () => launches++);
    el.shadowRoot!.querySelector('.sr-only')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await pause(100);
    expect(el.getAttribute('state')).to.equal('idle');
    expect(launches).to.equal(0);
  });
});
