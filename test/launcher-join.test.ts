// mode="join": a running room entered as its leader, the way an agent's portal joins a visitor's room.
import { expect } from '@open-wc/testing';
import type { SameSurfErrorDetail } from '../src/index.js';
import { claimsFor, signJwt } from '../src/api/jwt.js';
import { endRoom, requestCounts, reset } from './helpers/emulator.js';
import {
  api,
  base,
  click,
  dialogOf,
  emulatorAttrs,
  mount,
  nextEvent,
  part,
  roomUsers,
  until,
} from './helpers/launcher.js';

describe('<samesurf-launcher mode="join">', () => {
  beforeEach(reset);

  it('enters the running room as its leader, creates nothing, and offers the guest link', async () => {
    const { room } = await api().createRoom({ title: 'A visitor needs help' });
    const found = await api().findRoom({ room });
    const m = await mount({ ...emulatorAttrs(), mode: 'join', room }, 'Join');
    let creates = 0;
    m.el.addEventListener('samesurf-before-create', () => creates++);
    await click(part(m.el, 'button')!);
    await nextEvent(m.el, 'samesurf-after-show');
    const leaderLink = found.publicinvitation.replace(/[^/]*$/, found.leadertoken);
    expect(dialogOf(m.el).querySelector('iframe')!.src).to.equal(leaderLink, 'the leader link');
    await until(async () => (await roomUsers(room)).length === 1, 'the join');
    expect((await roomUsers(room))[0]!.host).to.equal(true, 'as the leader');
    expect(creates).to.equal(0, 'no samesurf-before-create: nothing is created');
    const counts = await requestCounts();
    expect(counts.create ?? 0).to.equal(1, 'only the test’s own room');
    expect(counts.createlimitedusetoken ?? 0).to.equal(0);

    await click(part(m.el, 'share-button')!);
    expect(part<HTMLInputElement>(m.el, 'share')!.querySelector('input')!.value).to.equal(found.publicinvitation);
    await expect(m.el).to.be.accessible();
  });

  it("works with the page's own getToken instead of an attribute, called for each call", async () => {
    const { room } = await api().createRoom({});
    const m = await mount({ ...emulatorAttrs(), 'api-key': null, mode: 'join', room }, 'Join');
    const calls: string[] = [];
    m.el.getToken = async ({ call }) => {
      calls.push(call);
      return signJwt('none', claimsFor('demo-key'));
    };
    await click(part(m.el, 'button')!);
    await nextEvent(m.el, 'samesurf-after-show');
    expect(calls).to.deep.equal(['find']);
    await until(async () => (await roomUsers(room)).length === 1, 'the join');
  });

  it('says the room has ended when it has, with samesurf-error', async () => {
    const { room } = await api().createRoom({});
    await endRoom(room);
    const m = await mount({ ...emulatorAttrs(), mode: 'join', room }, 'Join');
    await click(part(m.el, 'button')!);
    await until(() => m.errors.length > 0, 'samesurf-error');
    const detail = m.errors.at(-1)!.detail as SameSurfErrorDetail;
    expect(detail).to.include({ code: 'api', errorcode: 103 });
    expect(part(m.el, 'error')!.textContent).to.contain(detail.message);
    expect(dialogOf(m.el)?.open ?? false).to.equal(false);
  });

  it('notices at once when the room page shows the session ended (its leader ended it there) and says so', async () => {
    const { room } = await api().createRoom({});
    const m = await mount({ ...emulatorAttrs(), mode: 'join', room }, 'Join');
    await click(part(m.el, 'button')!);
    await nextEvent(m.el, 'samesurf-after-show');
    const frame = dialogOf(m.el).querySelector('iframe')!;
    await until(() => part(m.el, 'loading')!.hidden === true, 'the room page loaded');
    frame.focus(); // the agent's focus is in the room page, on its "End session" button
    // The room page's own end (its form posts across origins, out of the test's reach): the room ends, and the page
    // in the frame changes, as it does after that form.
    await endRoom(room);
    const link = frame.src;
    frame.contentWindow!.location.replace(link);
    await until(() => part(m.el, 'ended') !== null, 'the ended layer, with the dialog still open');
    expect(dialogOf(m.el).open).to.equal(true);
    expect(part(m.el, 'share-button')).to.equal(null, 'no invitations into a room that has ended');
    await until(() => m.el.shadowRoot!.activeElement === part(m.el, 'leave-button'), 'focus back in the dialog');
  });

  it('reopened after the room ended meanwhile, says so and offers no new session (join mode makes none)', async () => {
    const { room } = await api().createRoom({});
    const m = await mount({ ...emulatorAttrs(), mode: 'join', room }, 'Join');
    await click(part(m.el, 'button')!);
    await nextEvent(m.el, 'samesurf-after-show');
    await m.el.hide();
    await endRoom(room); // the leader ended it from the room page, say
    await click(part(m.el, 'button')!);
    await until(() => part(m.el, 'ended') !== null, 'the ended layer');
    expect(part(m.el, 'ended')!.textContent).to.contain('This co-browsing session has ended.');
    expect(part(m.el, 'start-new-button')).to.equal(null, 'nothing to start: a new room is not this launcher’s');
    // Checked once the dialog has faded in (axe measures contrast as drawn).
    await Promise.all(m.el.shadowRoot!.getAnimations().map((a) => a.finished.catch(() => undefined))); // or cancelled
    await expect(m.el).to.be.accessible();
    await m.el.hide();
    expect(m.el.getAttribute('state')).to.equal('idle', 'the ended session forgotten');
  });
});

describe('<samesurf-launcher> through a proxy that knows who is signed in', () => {
  beforeEach(reset);
  afterEach(() => (document.cookie = 'agent=; path=/; max-age=0'));

  it("sends the page's cookies to the site's own proxy, whose authorize hook checks the login", async () => {
    // /samesurf-agent/ (web-test-runner.config.mjs) allows a call only with the cookie agent=signed-in.
    document.cookie = 'agent=signed-in; path=/';
    const { room } = await api().createRoom({});
    const m = await mount({ 'api-base': '/samesurf-agent', 'realtime-origin': base, mode: 'join', room }, 'Join');
    await click(part(m.el, 'button')!);
    await nextEvent(m.el, 'samesurf-after-show');
    expect(m.errors).to.deep.equal([]);
    await until(async () => (await roomUsers(room)).length === 1, 'the join');
    expect((await roomUsers(room))[0]!.host).to.equal(true, 'the proxy gave the leader token (find.stripLeader false)');
  });

  it('says the site refused, when the proxy does (signed out)', async () => {
    const { room } = await api().createRoom({});
    const m = await mount({ 'api-base': '/samesurf-agent', 'realtime-origin': base, mode: 'join', room }, 'Join');
    await click(part(m.el, 'button')!);
    await until(() => m.errors.length > 0, 'samesurf-error');
    expect(m.errors[0]!.detail).to.include({ code: 'api', errorcode: 100 });
    expect(part(m.el, 'error')!.textContent).to.contain('Sign in first.'); // the site's reason
  });
});
