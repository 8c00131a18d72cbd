import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { buttonNames } from './helpers/a11y.js';
import type { CreateRoomResponse } from '../src/index.js';
import { control, endRoom, inject, requestCounts, reset } from './helpers/emulator.js';
import {
  announced,
  announcedInDialog,
  buttonLabel,
  click,
  createByClick,
  dialogOf,
  emulatorAttrs,
  launcher,
  mount,
  nextEvent,
  openByClick,
  part,
  presentUsers,
  roomUsers,
  until,
} from './helpers/launcher.js';

const frame = (el: Element) => el.shadowRoot!.querySelector('iframe');

/** The room page in the dialog has loaded (and run its script: the one that tells the room when the visitor goes). */
const roomPageLoaded = (el: Parameters<typeof part>[0]) =>
  until(() => part(el, 'loading')?.hidden === true, 'the room page loaded');

describe('<samesurf-launcher> minimise and leave', () => {
  beforeEach(reset);

  it('minimising keeps the visitor in the room and says so: a live button, an announcement', async () => {
    const el = await launcher();
    const { room } = await createByClick(el);
    await until(async () => (await presentUsers(room)).length === 1, 'the join');
    await click(part(el, 'minimise-button')!);
    await until(() => !dialogOf(el).open, 'minimised');
    expect(el.getAttribute('state')).to.equal('live');
    expect(buttonLabel(el)).to.equal('Live: return to co-browsing');
    expect(await buttonNames()).to.include('Live: return to co-browsing', "the live label is the button's name");
    expect(part(el, 'live-dot')).to.not.equal(null);
    expect(announced(el)).to.contain('goes on in the background');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button'), 'focus back on the button');
    expect((await presentUsers(room)).length).to.equal(1, 'still in the room');
    await expect(el).to.be.accessible();
  });

  it('goes busy → open on a launch and open → idle on leaving, never "live" on the way', async () => {
    await inject({ call: 'create', delayMs: 300 });
    const el = await launcher();
    const states: string[] = [];
    const watch = new MutationObserver(() => states.push(el.getAttribute('state')!));
    watch.observe(el, { attributeFilter: ['state'] });
    await click(part(el, 'button')!);
    await until(() => dialogOf(el)?.open === true, 'open');
    await roomPageLoaded(el);
    await click(part(el, 'leave-button')!);
    await click(part(el, 'confirm')!.querySelector('.danger')!);
    await until(() => el.getAttribute('state') === 'idle', 'left');
    watch.disconnect();
    expect(states).to.deep.equal(['busy', 'open', 'idle']);
  });

  it('leaving asks first, then unloads the room (the visitor leaves it), forgets the session and fires samesurf-leave', async () => {
    const el = await launcher();
    const { room } = await createByClick(el);
    await roomPageLoaded(el); // its leave signal is set up once the page has run
    await until(async () => (await presentUsers(room)).length === 1, 'the join');
    await click(part(el, 'leave-button')!);
    const confirm = part(el, 'confirm')!;
    expect(confirm.textContent).to.contain('Leave the co-browsing session?');
    expect(confirm.textContent).to.contain('You are the host', "the room's leader is told what leaving means");
    await until(() => el.shadowRoot!.activeElement?.classList.contains('stay') === true, 'focus on Stay');
    await expect(el).to.be.accessible();

    // Stay: nothing changes.
    await click(confirm.querySelector('.stay')!);
    expect(part(el, 'confirm')).to.equal(null);
    expect(dialogOf(el).open).to.equal(true);

    await click(part(el, 'leave-button')!);
    const left = nextEvent(el, 'samesurf-leave');
    await click(part(el, 'confirm')!.querySelector('.danger')!);
    expect((await left).detail.room).to.equal(room);
    await until(() => frame(el) === null, 'the frame unloaded');
    await until(async () => (await presentUsers(room)).length === 0, 'the room to see the visitor leave');
    expect(el.getAttribute('state')).to.equal('idle');
    expect(buttonLabel(el)).to.equal('Co-browse with us');
    expect(await buttonNames())
      .to.include('Co-browse with us')
      .and.not.include('Live: return to co-browsing');
    expect(part(el, 'status')!.textContent).to.contain('You left');
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('samesurf-launcher:'))).to.deep.equal([]);

    // The next click is a new session.
    const next = await createByClick(el);
    expect(next.room).to.not.equal(room);
  });

  it('leave() from script does the same without asking', async () => {
    const el = await launcher();
    const { room } = await createByClick(el);
    await roomPageLoaded(el); // its leave signal is set up once the page has run
    await el.leave();
    // Closed and the room unloaded (the page's first launcher keeps its dialog rendered, closed, for the next click).
    expect(dialogOf(el)?.open ?? false).to.equal(false);
    expect(frame(el)).to.equal(null);
    await until(async () => (await roomUsers(room)).every((u) => u.leftat !== null), 'left');
  });

  it('Escape closes the leave question first, then minimises', async () => {
    const el = await launcher();
    await createByClick(el);
    await click(part(el, 'leave-button')!);
    await sendKeys({ press: 'Escape' });
    expect(part(el, 'confirm')).to.equal(null);
    expect(dialogOf(el).open).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'leave-button'));
    const hidden = nextEvent(el, 'samesurf-after-hide');
    await sendKeys({ press: 'Escape' });
    await hidden;
    expect(el.getAttribute('state')).to.equal('live');
  });
});

describe('<samesurf-launcher> moving to a tab moves the visitor', () => {
  beforeEach(reset);
  afterEach(() => executeServerCommand('bring-to-front'));

  it('room mode: the frame is unloaded and the tab opens the rejoin link: in the room once', async () => {
    const el = await launcher();
    const { room, privateinvitation } = await createByClick(el);
    await roomPageLoaded(el); // its leave signal is set up once the page has run
    await until(async () => (await presentUsers(room)).length === 1, 'the join');
    const opened: (string | URL | undefined)[] = [];
    const realOpen = window.open;
    window.open = (...args) => {
      const tab = realOpen.apply(window, args);
      opened.push(args[0]);
      return tab;
    };
    try {
      await click(part(el, 'tab-button')!);
      await until(() => frame(el) === null && !dialogOf(el)?.open, 'the frame unloaded');
      expect(part(el, 'status')!.textContent).to.contain('opened in a new tab');
      // The frame's visitor left, the tab's arrived: one person in the room.
      await until(async () => (await roomUsers(room)).length === 2, 'the tab to join');
      await until(async () => (await presentUsers(room)).length === 1, 'the frame to leave');
      expect(opened).to.have.length(1);
      expect((await control(`rooms/${room}`, undefined, 'GET')).users).to.equal(2);
      expect(privateinvitation).to.be.a('string');
    } finally {
      window.open = realOpen;
    }
  });

  it('while that tab is open the button brings it forward instead of joining again', async () => {
    const el = await launcher();
    const { room } = await createByClick(el);
    let tab: Window | null = null;
    const realOpen = window.open;
    window.open = (...args) => (tab = realOpen.apply(window, args));
    try {
      await click(part(el, 'tab-button')!);
      await until(
        async () => (await roomUsers(room)).length === 2 && (await presentUsers(room)).length === 1,
        'moved to the tab',
      );
      await executeServerCommand('bring-to-front');
      expect(await el.launch()).to.equal(true);
      expect(dialogOf(el)?.open ?? false).to.equal(false, 'no second presence in the dialog');
      expect(announced(el)).to.contain('opened in a new tab');
      expect((await roomUsers(room)).length).to.equal(2, 'nobody joined again');
      expect(tab!.closed).to.equal(false);
    } finally {
      window.open = realOpen;
      (tab as Window | null)?.close(); // left open, it would keep the next test file's page in the background
    }
  });

  it('invite mode (usage limit 1): the tab gets a fresh invitation, not the spent one', async () => {
    const { room } = await (await import('./helpers/launcher.js')).api().createRoom({});
    const m = await mount({ ...emulatorAttrs(), mode: 'invite', room, 'usage-limit': '1' });
    const created = nextEvent(m.el, 'samesurf-created');
    await openByClick(m.el);
    const first = (await created).detail;
    if (first.mode !== 'invite') throw new Error('an invitation, told apart by mode');
    await roomPageLoaded(m.el); // its leave signal is set up once the page has run
    await until(async () => (await presentUsers(room)).length === 1, 'the join');
    await click(part(m.el, 'tab-button')!);
    await until(async () => (await requestCounts()).createlimitedusetoken === 2, 'a fresh invitation');
    await until(async () => (await roomUsers(room)).length === 2, 'the tab to join with it');
    await until(async () => (await presentUsers(room)).length === 1, 'the frame to leave');
    expect(m.errors).to.have.length(0);
    expect(first.token).to.be.a('string');
  });

  it('user-name in room mode: the tab uses a link that still works, never the spent named one', async () => {
    const el = await launcher('Go', { 'user-name': 'Ana' });
    const { room } = await createByClick(el);
    await roomPageLoaded(el); // its leave signal is set up once the page has run
    await until(async () => (await presentUsers(room)).length === 1, 'the join');
    await click(part(el, 'tab-button')!);
    // Had the tab been sent to the named one-time link, the room page would say "used up" and record no join.
    await until(async () => (await roomUsers(room)).length === 2, 'the tab to join');
    await until(async () => (await presentUsers(room)).length === 1, 'the frame to leave');
    expect((await roomUsers(room)).every((u) => u.host)).to.equal(true, "as the room's leader both times");
  });
});

describe('<samesurf-launcher> the room loading', () => {
  beforeEach(reset);

  it('shows a loading state over the frame until the room page has loaded', async () => {
    await inject({ call: 'realtime', delayMs: 1500 } as never);
    const el = await launcher();
    await createByClick(el);
    const loading = part(el, 'loading')!;
    expect(loading.hidden).to.equal(false);
    expect(loading.textContent).to.contain('Loading the room');
    await expect(el).to.be.accessible();
    await until(() => part(el, 'loading')!.hidden === true, 'loaded', 5000);
    expect(part(el, 'frame-error')!.hidden).to.equal(true);
  });

  it('says so, with a retry, when the room never loads', async () => {
    await inject({ call: 'realtime', delayMs: 4000 } as never);
    const el = await launcher('Go', { timeout: '700' });
    await createByClick(el);
    await until(() => !part(el, 'frame-error')!.hidden, 'the failure', 4000);
    expect(part(el, 'frame-error')!.textContent).to.contain('did not load');
    expect(announcedInDialog(el)).to.contain('did not load');
    expect(part(el, 'loading')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();
    const before = frame(el);
    await click(part(el, 'frame-error')!.querySelector('button')!);
    expect(frame(el)).to.not.equal(before, 'a fresh frame');
    await until(
      () => part(el, 'loading')!.hidden === true && part(el, 'frame-error')!.hidden === true,
      'loaded on retry',
      5000,
    );
  });
});

describe('<samesurf-launcher> focus and announcements', () => {
  beforeEach(reset);

  it('keeps focus on the launch button through busy, error, retry and a second error', async () => {
    await inject({ call: 'create', status: 500, count: 2, delayMs: 200 });
    const m = await mount(emulatorAttrs());
    part(m.el, 'button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => m.errors.length === 1, 'the first failure');
    await m.el.updateComplete;
    // Keyboard to the retry button, and press it.
    await sendKeys({ press: 'Tab' });
    expect(m.el.shadowRoot!.activeElement).to.equal(part(m.el, 'retry-button'));
    await sendKeys({ press: 'Enter' });
    expect(m.el.shadowRoot!.activeElement).to.equal(part(m.el, 'button'), 'focus moved to the stable button, not lost');
    await until(() => m.errors.length === 2, 'the second failure');
    await m.el.updateComplete;
    expect(document.activeElement).to.equal(m.el);
    expect(m.el.shadowRoot!.activeElement).to.equal(part(m.el, 'button'));
    // And it still works from there.
    const shown = nextEvent(m.el, 'samesurf-after-show');
    await sendKeys({ press: 'Enter' });
    await shown;
  });

  it('has one always-rendered live region that announces starting, opened, errors', async () => {
    await inject({ call: 'create', delayMs: 400 });
    const el = await launcher();
    const region = [...el.shadowRoot!.querySelectorAll('[role="status"]')].find((n) => !n.closest('dialog'))!;
    expect(getComputedStyle(region).display).to.not.equal('none', 'in the accessibility tree even when empty');
    await click(part(el, 'button')!);
    await until(() => announced(el) === 'Starting…', 'starting announced');
    await nextEvent(el, 'samesurf-after-show');
    await until(() => announcedInDialog(el) === 'Co-browsing is open.', 'opened announced in the dialog');
    await el.hide();
    await inject({ call: 'find', status: 503 }, { call: 'create', status: 503 });
    await el.reset();
    await el.launch();
    expect(announced(el)).to.contain('having trouble');
  });
});

describe('<samesurf-launcher> notices and messages', () => {
  beforeEach(reset);

  it('in a tab, a session whose room has ended is not reopened: the next tab gets a new room', async () => {
    const links: string[] = [];
    const tabs: { closed: boolean }[] = [];
    const realOpen = window.open;
    window.open = (() => {
      const tab = {
        closed: false,
        opener: {},
        location: { replace: (u: string) => links.push(u) },
        focus() {},
        close() {},
      };
      tabs.push(tab);
      return tab;
    }) as unknown as typeof window.open;
    try {
      const m = await mount({ ...emulatorAttrs(), open: 'tab' });
      const created = nextEvent(m.el, 'samesurf-created');
      await click(part(m.el, 'button')!);
      const first = (await created).detail as CreateRoomResponse;
      await until(() => links.length === 1, 'the first tab');
      await endRoom(first.room);
      tabs[0]!.closed = true; // the visitor closed that tab
      const again = nextEvent(m.el, 'samesurf-created');
      await click(part(m.el, 'button')!);
      const second = (await again).detail;
      await until(() => links.length === 2, 'the second tab');
      expect(second.mode === 'room' && second.room !== first.room).to.equal(true, 'a new room');
      expect(links[1]).to.not.contain(`/${first.room}/`);
    } finally {
      window.open = realOpen;
    }
  });

  it('writes the popup-blocked message with a space before its link, as an error', async () => {
    const realOpen = window.open;
    window.open = () => null;
    try {
      const m = await mount({ ...emulatorAttrs(), open: 'tab' });
      await click(part(m.el, 'button')!);
      await until(() => part(m.el, 'status')?.querySelector('a') != null, 'the fallback link');
      const status = part(m.el, 'status')!;
      expect(status.classList.contains('error')).to.equal(true);
      expect(status.textContent!.replace(/\s+/g, ' ')).to.match(/here: Open in a new tab/);
      await expect(m.el).to.be.accessible();
    } finally {
      window.open = realOpen;
    }
  });

  it('shows a configuration problem inline on localhost and with debug; the visitor on a live site sees nothing (e2e)', async () => {
    const m = await mount({ ...emulatorAttrs(), mode: 'party', debug: '' });
    part(m.el, 'button')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await until(() => m.errors.length > 0, 'samesurf-error');
    expect(part(m.el, 'error')!.textContent).to.contain('not set up correctly');
    expect(m.el.getAttribute('state')).to.equal('error');
  });
});

describe('<samesurf-launcher> re-entry keeps the frame', () => {
  beforeEach(reset);
  it('returns to a minimised session without reloading the room', async () => {
    const el = await launcher();
    const created = (await createByClick(el)) as CreateRoomResponse;
    const before = frame(el);
    await el.hide();
    await openByClick(el);
    expect(frame(el)).to.equal(before);
    expect(before!.src).to.equal(created.privateinvitation);
  });

  it('shows the dialog first and checks that the room still runs after that frame, not before it', async () => {
    const el = await launcher();
    await createByClick(el);
    await el.hide();
    let frames = 0;
    let running = true;
    const tick = () => {
      frames++;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    let shownAt = -1;
    el.addEventListener('samesurf-show', () => (shownAt = frames), { once: true });
    const checks: { open: boolean; frames: number }[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/find'))
        checks.push({ open: dialogOf(el).open, frames });
      return realFetch(input, init);
    };
    try {
      await openByClick(el);
      await until(() => checks.length > 0, 'the room check');
      expect(checks[0]!.open).to.equal(true, 'the dialog was open when the check went out');
      expect(checks[0]!.frames).to.be.greaterThan(shownAt, 'a frame was painted in between');
    } finally {
      window.fetch = realFetch;
      running = false;
    }
  });
});

describe('<samesurf-launcher> from the keyboard only', () => {
  beforeEach(reset);

  const shiftTab = async () => {
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
  };

  it('goes through open, share, minimise, return and leave without a mouse, focus never on <body>', async () => {
    const el = await launcher();
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    const partName = () => focused()?.getAttribute('part') ?? focused()?.className ?? 'none';
    await sendKeys({ press: 'Tab' });
    expect(partName()).to.equal('button');
    let shown = nextEvent(el, 'samesurf-after-show');
    await sendKeys({ press: 'Enter' });
    await shown;
    expect(partName()).to.equal('minimise-button');
    // Back to the share button (Shift+Tab goes left through the tools), open the panel, reach its copy button.
    for (let i = 0; i < 3; i++) await shiftTab();
    expect(partName()).to.equal('share-button');
    await sendKeys({ press: 'Enter' });
    expect(part(el, 'share')!.hidden).to.equal(false);
    // Escape closes the panel first and puts focus back on its button.
    await sendKeys({ press: 'Escape' });
    expect(part(el, 'share')!.hidden).to.equal(true);
    expect(partName()).to.equal('share-button');
    expect(dialogOf(el).open).to.equal(true);
    // Escape again minimises; focus returns to the launch button, which now says "Live".
    const hidden = nextEvent(el, 'samesurf-after-hide');
    await sendKeys({ press: 'Escape' });
    await hidden;
    expect(partName()).to.equal('button');
    expect(el.getAttribute('state')).to.equal('live');
    shown = nextEvent(el, 'samesurf-after-show');
    await sendKeys({ press: 'Enter' });
    await shown;
    // Tab to Leave, answer the question with the keyboard.
    await sendKeys({ press: 'Tab' });
    expect(partName()).to.equal('leave-button');
    await sendKeys({ press: 'Enter' });
    await until(() => focused()?.classList.contains('stay') === true, 'focus on Stay');
    await shiftTab();
    expect(focused()?.classList.contains('danger')).to.equal(true);
    const left = nextEvent(el, 'samesurf-leave');
    await sendKeys({ press: 'Enter' });
    await left;
    await until(() => partName() === 'button', 'focus back on the launch button');
    expect(document.activeElement).to.equal(el);
  });
});
