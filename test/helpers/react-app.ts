/** A page with the React wrapper, as the React tests render it on a server (Node) and hydrate it in a browser. */
import React from 'react';
import { SameSurfLauncher } from '../../src/react.js';

type Props = React.ComponentProps<typeof SameSurfLauncher>;

export interface AppOptions {
  apiBase: string;
  realtimeOrigin: string;
}

export const app = ({ apiBase, realtimeOrigin }: AppOptions, handlers: Partial<Props> = {}) =>
  React.createElement(
    'main',
    null,
    React.createElement(
      SameSurfLauncher,
      {
        className: 'cobrowse',
        apiKey: 'demo-key',
        apiBase,
        realtimeOrigin,
        startUrl: 'https://example.com/pricing?plan=team&seats=5',
        mode: 'room',
        userName: 'Ada "A" Lovelace',
        timeout: 15000,
        debug: true,
        leader: false,
        strings: { start: 'Start a shared session' },
        bookmarks: [{ name: 'Pricing', link: 'https://example.com/pricing' }],
        ...handlers,
      },
      'Co-browse with us',
    ),
  );

/**
 * What `renderToString(app(options))` gives in Node (test/node/react-ssr.test.ts checks it): every string, number or
 * true prop as its attribute, so the markup works before hydration; objects and handlers only after it.
 */
export const serverMarkup = ({ apiBase, realtimeOrigin }: AppOptions) =>
  '<main><samesurf-launcher class="cobrowse" api-key="demo-key" ' +
  `api-base="${apiBase}" realtime-origin="${realtimeOrigin}" ` +
  'start-url="https://example.com/pricing?plan=team&amp;seats=5" mode="room" user-name="Ada &quot;A&quot; Lovelace" ' +
  'timeout="15000" debug="">Co-browse with us</samesurf-launcher></main>';
