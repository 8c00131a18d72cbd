// What a click needs is fetched for launchers a visitor can see, in parallel, and never for one that is not seen.
// The launch code is fetched once per page (each test file runs in a page of its own): these tests go in order.
import { expect } from '@open-wc/testing';
import { AFTER_IDLE_MS, launchCode, pause, signer } from './helpers/prefetch.js';
import { launcher, until } from './helpers/launcher.js';

describe('<samesurf-launcher> fetches what a click needs once it is seen', () => {
  it('nothing while it is below the fold; the launch code and the signer together once scrolled into view', async () => {
    const el = await launcher();
    el.style.cssText = 'position: absolute; top: 400vh';
    await pause(AFTER_IDLE_MS);
    expect(launchCode()).to.equal(undefined, 'no launch code');
    expect(signer()).to.equal(undefined, 'no signer');
    el.scrollIntoView();
    await until(() => launchCode() !== undefined && signer() !== undefined, 'both fetched once seen');
    // In parallel: the signer was asked for before the launch code had arrived, not after it.
    expect(signer()!.startTime < launchCode()!.responseEnd).to.equal(true, 'requested together');
    el.remove();
  });
});
