import { expect } from '@open-wc/testing';
import { SameSurfClient } from '../src/api/index.js';
import { apiBase } from './helpers/emulator.js';

const loaded = () => performance.getEntriesByType('resource').map((entry) => entry.name);
const jsrsasignLoaded = () => loaded().some((name) => name.includes('jsrsasign'));

describe('jsrsasign is loaded only when a token is signed', () => {
  it('is not fetched by importing or constructing the client, nor by getToken calls', async () => {
    const client = new SameSurfClient({ baseUrl: apiBase, getToken: () => 'not-a-jwt' });
    await client.runningRooms().catch(() => undefined);
    expect(jsrsasignLoaded()).to.equal(false);
  });

  it('is fetched on the first none-signed request', async () => {
    const client = new SameSurfClient({ baseUrl: apiBase, apiKey: 'demo-key' });
    await client.runningRooms();
    expect(jsrsasignLoaded()).to.equal(true);
    // Its JWT subset, never the whole library.
    expect(loaded().some((name) => name.includes('/node_modules/jsrsasign/'))).to.equal(false);
    expect(loaded().some((name) => name.includes('/vendor/jsrsasign-jwths.js'))).to.equal(true);
  });
});
