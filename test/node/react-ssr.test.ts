// samesurf-launcher/react on a server: importing and rendering it in Node (no DOM) as Next.js and Remix do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import React from 'react';
import { renderToString } from 'react-dom/server';
import { app, serverMarkup } from '../helpers/react-app.js';

const options = { apiBase: '/samesurf', realtimeOrigin: 'https://realtime.example.com' };

describe('samesurf-launcher/react with react-dom/server', () => {
  it('imports where there is no DOM', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    const { SameSurfLauncher, SameSurfLauncherElement } = await import('../../src/react.js');
    assert.equal(SameSurfLauncher.displayName, 'SameSurfLauncher');
    assert.equal(typeof SameSurfLauncherElement, 'function');
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined', 'no window made up on import');
  });

  it('renders the tag with every string, number and true prop as its attribute, and no handlers or objects', () => {
    const html = renderToString(app(options, { onSamesurfCreated: () => {}, onSamesurfError: () => {} }));
    assert.equal(html, serverMarkup(options));
    assert.doesNotMatch(html, /object Object|strings|bookmarks|onsamesurf|function|leader/i);
  });

  it('renders the README recipe as written', async () => {
    const { SameSurfLauncher } = await import('../../src/react.js');
    const url = 'https://example.com/pricing';
    const html = renderToString(
      React.createElement(
        SameSurfLauncher,
        {
          apiBase: '/samesurf',
          startUrl: url,
          onSamesurfCreated: (e) => (e.detail.mode === 'room' ? e.detail.room : e.detail.link),
        },
        'Co-browse with us',
      ),
    );
    assert.equal(
      html,
      '<samesurf-launcher api-base="/samesurf" start-url="https://example.com/pricing">Co-browse with us</samesurf-launcher>',
    );
  });
});
