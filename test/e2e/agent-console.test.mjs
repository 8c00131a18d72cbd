// The demo's agent console end to end, as an agent and a visitor use it: the built CDN files through the demo's
// agent proxy (its authorize hook standing in for a login), under the page's strict CSP, in Debian's Chromium.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { startDemo } from '../../demo/serve.mjs';
import { CHROME_ARGS, chromePath } from '../helpers/chromium.mjs';

const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const ZONE = 'Europe/Berlin';

let demo;
let browser;
before(async () => {
  demo = await startDemo({ port: 0, emulatorPort: 0 });
  browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

/** Refreshes the running rooms by hand and waits for the answer (the rows stay while it is out). */
async function refreshRooms(rooms) {
  await rooms.locator('[part~="refresh-button"]').click();
  await rooms.locator('table[aria-busy="false"]').waitFor();
}

/** `YYYY-MM-DDTHH:MM` in `zone`, as a datetime-local field takes it. */
function localInput(ms, zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe('the agent console (demo/agent.html)', () => {
  it('schedule a room, see it run when due on the emulator clock, join it, invite a visitor from another browser, end it, read its report and recording', async () => {
    const agent = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: ZONE });
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const problems = [];
    try {
      const page = await agent.newPage();
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${demo.url}/demo/agent-sign-in`);
      assert.equal(new URL(page.url()).pathname, '/demo/agent.html', 'signed in, back on the console');
      const rooms = page.locator('samesurf-rooms');
      await rooms.locator('tbody tr', { hasText: 'Support desk' }).waitFor();

      // 1. Schedule a room ten minutes ahead, in the agent's own time zone (the field's default).
      const scheduler = page.locator('samesurf-scheduler');
      assert.equal(await scheduler.locator('select[name="timezone"]').inputValue(), ZONE);
      await scheduler.locator('input[name="title"]').fill('Onboarding call with Dana');
      await scheduler.locator('input[name="eventtime"]').fill(localInput(Date.now() + 10 * 60_000, ZONE));
      await scheduler.locator('[part~="submit-button"]').click();
      await scheduler.locator('[part~="result"]').waitFor();
      const room = /\d{9}/.exec(await scheduler.locator('[part~="result"] h3').textContent())[0];
      await page.locator('#schedule-hint', { hasText: `Room ${room} is scheduled` }).waitFor();

      // 2. Not running yet; once the emulator's clock is past its start, it is.
      await refreshRooms(rooms);
      await rooms.locator('tbody tr', { hasText: 'Support desk' }).waitFor();
      assert.equal(await rooms.locator(`tbody tr[data-room="${room}"]`).count(), 0, 'not before its start');
      await page.locator('#clock-minutes').selectOption('15');
      await page.getByRole('button', { name: 'Move the clock' }).click();
      await page.locator('#clock-status', { hasText: 'Running rooms and analytics are up to date.' }).waitFor();
      const row = rooms.locator(`tbody tr[data-room="${room}"]`);
      await row.waitFor();
      assert.match(await row.textContent(), /Onboarding call with Dana/);

      // 3. Join it as its leader, in the launcher's dialog.
      await row.locator('[part~="join-button"]').click();
      const session = page.frameLocator('samesurf-rooms >> .sessions samesurf-launcher >> iframe');
      await session.locator('main[data-role="leader"]').waitFor();

      // 4. Minimised (the session goes on), an invitation for one visitor, opened in another browser.
      await page.keyboard.press('Escape');
      const strip = rooms.locator('.sessions samesurf-launcher');
      await page.waitForFunction(
        () =>
          document
            .querySelector('samesurf-rooms')
            .shadowRoot.querySelector('.sessions samesurf-launcher')
            .getAttribute('state') === 'live',
      );
      await row.locator('[part~="invite-button"]').click();
      const form = rooms.locator('[part~="invite-form"]');
      await form.locator('input[name="usersname"]').fill('Dana');
      await form.getByRole('button', { name: 'Create invitation' }).click();
      const link = await form.locator('.result input').inputValue();
      assert.match(link, new RegExp(`/realtime/${room}/`));
      const guest = await visitor.newPage();
      await guest.goto(link);
      assert.equal(await guest.locator('main').getAttribute('data-role'), 'follower');
      assert.equal(await guest.locator('main').getAttribute('data-user'), 'Dana');
      assert.equal(await guest.locator('button.end').count(), 0, 'a visitor cannot end it');

      // 5. Back in the room, the leader ends it there; it leaves the running rooms.
      await strip.locator('[part~="button"]').click();
      await session.locator('main[data-role="leader"]').waitFor();
      await session.getByRole('button', { name: 'End session for everyone' }).click();
      await session.locator(`main[data-ended="${room}"]`).waitFor();
      // The launcher notices (the room page changed: it asks whether the room runs) and says so over the frame.
      await strip.locator('[part~="ended"]').waitFor();
      assert.equal(await strip.locator('[part~="share-button"]').count(), 0, 'no invitations into an ended room');
      await strip.locator('[part~="minimise-button"]').click();
      await refreshRooms(rooms);
      await row.waitFor({ state: 'detached' }); // ended: no longer running
      assert.equal(await rooms.locator('tbody tr', { hasText: 'Support desk' }).count(), 1, 'the other room stays');

      // 6. Its report, from the analytics: both people, the timeline, the recording.
      const analytics = page.locator('samesurf-analytics');
      await analytics.locator('[part~="refresh-button"]').click();
      await analytics.locator('table[part~="table"][aria-busy="false"]').waitFor(); // the answer, not the rows before
      const line = analytics.locator('[part~="table"] tbody tr', { hasText: room });
      await line.waitFor();
      await line.locator('[part~="report-button"]').click();
      const report = analytics.locator('samesurf-room-report');
      await report.locator('[part~="people"] tbody tr').nth(1).waitFor();
      const people = await report.locator('[part~="people"] tbody tr').allTextContents();
      assert.equal(people.length, 2);
      assert.ok(people.some((p) => /Dana/.test(p)) && people.some((p) => /Leader|Host/.test(p)), people.join(' | '));
      await report.locator('[part~="thumbnail"]').first().waitFor();
      assert.ok(
        await report
          .locator('[part~="thumbnail"]')
          .first()
          .evaluate((img) => img.complete && img.naturalWidth > 0),
        'the thumbnail loaded through its short-lived link',
      );
      await page.screenshot({ path: new URL('agent-console.png', ARTIFACTS).pathname, fullPage: true });
      // The one failed request the browser lists is the launcher's question whether the room still runs, after the room
      // page changed: find answers 103 (HTTP 409), the room has ended.
      assert.deepEqual(
        problems.filter((p) => !/status of 409/.test(p)),
        [],
        'no console error and no CSP violation',
      );
      assert.equal(problems.length <= 1, true, problems.join(' | '));
    } catch (err) {
      await agent
        .pages()[0]
        ?.screenshot({ path: new URL('agent-console-failed.png', ARTIFACTS).pathname, fullPage: true });
      throw err;
    } finally {
      await agent.close();
      await visitor.close();
    }
  });

  it("the demo's clock control takes only a JSON POST with whole minutes (another site's form cannot move it)", async () => {
    const post = (body, type = 'application/json') =>
      fetch(`${demo.url}/demo/emulator-clock`, { method: 'POST', headers: { 'Content-Type': type }, body });
    assert.equal((await fetch(`${demo.url}/demo/emulator-clock`)).status, 405);
    assert.equal((await post('minutes=5', 'application/x-www-form-urlencoded')).status, 415);
    assert.equal((await post('{"minutes":5}', 'text/plain')).status, 415, 'a no-preflight type');
    for (const body of ['null', '[5]', '{"minutes":"5"}', '{"minutes":0.5}', '{"minutes":-1}', 'x'.repeat(5000)])
      assert.equal((await post(body)).status, 400, body.slice(0, 20));
    assert.equal((await post('{"minutes":20000}')).status, 400, 'past the 7 days the emulator takes tokens from');
  });
});
