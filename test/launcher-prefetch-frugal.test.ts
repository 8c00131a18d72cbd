// On Save-Data (or 2G) nothing is fetched on sight, only on intent. A page of its own: the code is fetched once.
import { expect } from '@open-wc/testing';
import { AFTER_IDLE_MS, launchCode, pause, signer } from './helpers/prefetch.js';
import { launcher, part, until } from './helpers/launcher.js';

describe('<samesurf-launcher> on Save-Data', () => {
  it('fetches nothing until the visitor shows intent; then the launch code and the signer', async () => {
    Object.defineProperty(navigator, 'connection', {
      value: { saveData: true, effectiveType: '4g' },
      configurable: true,
    });
    try {
      const el = await launcher();
      await pause(AFTER_IDLE_MS);
      expect(launchCode()).to.equal(undefined, 'nothing on sight');
      part(el, 'button')!.focus();
      await until(() => launchCode() !== undefined && signer() !== undefined, 'both fetched on focus');
    } finally {
      delete (navigator as { connection?: unknown }).connection;
    }
  });
});
