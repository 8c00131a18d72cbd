// A click that comes before the launch code has arrived. A page of its own: the code must not be cached yet.
import { expect } from '@open-wc/testing';
import { reset } from './helpers/emulator.js';
import { launchCode } from './helpers/prefetch.js';
import { announced, launcher, nextEvent, part } from './helpers/launcher.js';

describe('<samesurf-launcher> clicked before its launch code has arrived', () => {
  beforeEach(reset);

  it('answers at once (busy, "Starting…"), then sends the request and opens the room when the code lands', async () => {
    const el = await launcher();
    const created = nextEvent(el, 'samesurf-created');
    part(el, 'button')!.click();
    await el.updateComplete;
    expect(launchCode()).to.equal(undefined, 'the launch code has not arrived yet');
    expect(part(el, 'button')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.getAttribute('state')).to.equal('busy');
    expect(announced(el)).to.equal('Starting…');
    await created;
    await nextEvent(el, 'samesurf-after-show');
  });
});
