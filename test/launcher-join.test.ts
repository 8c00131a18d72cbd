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
