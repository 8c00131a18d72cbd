import { expect } from '@open-wc/testing';
import React from 'react';
// Default imports: React's CommonJS modules have no named exports a browser could see (as in src/react.ts).
import ReactDOM from 'react-dom';
import ReactDOMClient, { type Root } from 'react-dom/client';
import { SameSurfLauncher, type SameSurfLauncherElement } from '../src/react.js';
import { reset } from './helpers/emulator.js';
import { apiBase, base, click, nextEvent, part, until } from './helpers/launcher.js';
import { app, serverMarkup } from './helpers/react-app.js';

// React.createElement rather than JSX: the repository's TypeScript has no JSX settings (the consumer
// type-checks in test/e2e/packaging.test.mjs use JSX).
const { flushSync } = ReactDOM;
const { createRoot, hydrateRoot } = ReactDOMClient;

type Props = React.ComponentProps<typeof SameSurfLauncher>;
const launcher = (props: Props, label?: string) => React.createElement(SameSurfLauncher, props, label);

describe('samesurf-launcher/react', () => {
  let container: HTMLDivElement;
  let root: Root | undefined;
  beforeEach(async () => {
    await reset();
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    root?.unmount();
    root = undefined;
    container.remove();
  });

  const element = () => container.querySelector('samesurf-launcher')!;
  const emulator = {
    apiKey: 'demo-key',
    apiBase,
    realtimeOrigin: base,
    startUrl: 'https://example.com/pricing',
  } satisfies Props;

  it('is named SameSurfLauncher and renders the registered element with its children as the label', () => {
    expect(SameSurfLauncher.displayName).to.equal('SameSurfLauncher');
    root = createRoot(container);
    flushSync(() => root!.render(launcher(emulator, 'Co-browse with us')));
    const el = element();
    expect(el).to.be.instanceOf(customElements.get('samesurf-launcher')!);
    expect(el.textContent).to.equal('Co-browse with us');
  });

  it('sets the props as properties on the element (objects too), and follows re-renders', async () => {
    const strings = { start: 'Start a shared session' };
    const ref = React.createRef<SameSurfLauncherElement>();
    root = createRoot(container);
    flushSync(() =>
      root!.render(
        launcher({
          ...emulator,
          ref,
          mode: 'invite',
          room: '123456789',
          usageLimit: 3,
          userName: 'Ada',
          roomTitle: 'Pricing help',
          tokenUrl: '/__token',
          strings,
          theme: 'dark',
          debug: true,
          leader: true,
          className: 'cobrowse',
          id: 'launcher',
        }),
      ),
    );
    const el = element();
    expect(ref.current).to.equal(el, 'the ref is the element');
    expect(el.apiKey).to.equal('demo-key');
    expect(el.apiBase).to.equal(apiBase);
    expect(el.realtimeOrigin).to.equal(base);
    expect(el.startUrl).to.equal('https://example.com/pricing');
    expect(el.mode).to.equal('invite');
    expect(el.room).to.equal('123456789');
    expect(el.usageLimit).to.equal(3);
    expect(el.userName).to.equal('Ada');
    expect(el.roomTitle).to.equal('Pricing help');
    expect(el.tokenUrl).to.equal('/__token');
    expect(el.strings).to.equal(strings, 'an object is passed as it is, not as a string attribute');
    expect(el.theme).to.equal('dark');
    expect(el.debug).to.equal(true);
    expect(el.leader).to.equal(true);
    expect(el.className).to.equal('cobrowse');
    expect(el.id).to.equal('launcher');
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark', 'reflected by the element');
    expect(el.getAttribute('api-base')).to.equal(apiBase, 'kebab-case attributes kept in step, as React 19 does');
    expect(el.getAttribute('user-name')).to.equal('Ada');

    flushSync(() => root!.render(launcher({ ...emulator, ref, mode: 'room' })));
    expect(element()).to.equal(el, 'the same element, updated');
    expect(el.mode).to.equal('room');
    expect(el.userName).to.equal(undefined, 'a prop no longer given is unset');
    expect(el.hasAttribute('user-name')).to.equal(false);
  });

  it('calls onSamesurfCreated with the typed detail after a real click against the emulator', async () => {
    const rooms: string[] = [];
    const stale: unknown[] = [];
    let shown = 0;
    root = createRoot(container);
    flushSync(() =>
      root!.render(launcher({ ...emulator, onSamesurfCreated: (e) => stale.push(e.detail) }, 'Co-browse')),
    );
    const el = element();
    await el.updateComplete;
    // An event prop may change between renders: the newest handler is the one called.
    flushSync(() =>
      root!.render(
        launcher(
          {
            ...emulator,
            // The detail is typed: `mode` narrows it to a room or an invitation.
            onSamesurfCreated: (e) => rooms.push(e.detail.mode === 'room' ? e.detail.room : e.detail.link),
            onSamesurfAfterShow: () => shown++,
          },
          'Co-browse',
        ),
      ),
    );
    await click(part(el, 'button')!);
    await until(() => shown === 1, 'the dialog to open');
    expect(rooms).to.have.length(1);
    expect(rooms[0]).to.match(/^\d{9}$/);
    expect(stale).to.deep.equal([], 'the replaced handler is not called');
    await el.hide();
  });

  it('server-renders a working launcher: the server markup creates a room before any hydration', async () => {
    // test/node/react-ssr.test.ts checks that this is what renderToString gives in Node.
    container.innerHTML = serverMarkup({ apiBase, realtimeOrigin: base });
    const el = element();
    const errors: unknown[] = [];
    container.addEventListener('samesurf-error', (e) => errors.push(e.detail));
    const created = nextEvent(el, 'samesurf-created');
    const shown = nextEvent(el, 'samesurf-after-show');
    await el.updateComplete;
    await click(part(el, 'button')!);
    const { detail } = await created;
    await shown;
    expect(detail.mode).to.equal('room');
    expect(errors).to.deep.equal([], 'configured by its attributes, with no properties set yet');
    await el.hide();
  });

  it('keeps its event props after hydrateRoot over the server markup, with no hydration mismatch', async () => {
    container.innerHTML = serverMarkup({ apiBase, realtimeOrigin: base });
    const serverElement = element();
    const rooms: string[] = [];
    let shown = 0;
    const recoverable: unknown[] = [];
    const logged: unknown[][] = [];
    const { error } = console;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      flushSync(() => {
        root = hydrateRoot(
          container,
          app(
            { apiBase, realtimeOrigin: base },
            {
              onSamesurfCreated: (e) => {
                if (e.detail.mode === 'room') rooms.push(e.detail.room);
              },
              onSamesurfAfterShow: () => shown++,
            },
          ),
          { onRecoverableError: (err) => recoverable.push(err) },
        );
      });
    } finally {
      console.error = error;
    }
    expect(element()).to.equal(serverElement, 'hydrated in place, not re-created');
    expect(recoverable).to.deep.equal([], 'no hydration mismatch');
    expect(logged).to.deep.equal([], 'React logged nothing');
    expect(element().strings).to.deep.equal({ start: 'Start a shared session' }, 'objects set once hydrated');
    expect(element().bookmarks).to.deep.equal([{ name: 'Pricing', link: 'https://example.com/pricing' }]);
    await element().updateComplete;
    await click(part(element(), 'button')!);
    await until(() => shown === 1, 'the dialog to open');
    expect(rooms).to.have.length(1);
    expect(rooms[0]).to.match(/^\d{9}$/);
    await element().hide();
  });
});
