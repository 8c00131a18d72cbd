import { expect } from '@open-wc/testing';
import { SameSurfClient } from '../src/api/index.js';
import { apiBase } from './helpers/emulator.js';

const jsrsasignLoaded = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('/jsrsasign/'));

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
  });
});
