import { css } from 'lit';

/**
 * Styles of what status-view.ts renders beside the button (the live dot, the status lines, a failure with its
 * retry): loaded with the launch code, not with the button's first styles (styles.ts), which stay small.
 */
export const statusStyles = css`
  /* As wide as the icon it replaces (a border or margins would be rounded apart, and the button's width change by a
     fraction), cut to a dot, filled with the text colour. */
  /* Hidden for a configuration problem (set only once this sheet is there). */
  .launch[hidden] {
    display: none;
  }
  :host([state='live']) .glyph {
    margin-inline-end: -1.75em;
    width: 1.25em;
    height: 0.6em;
    clip-path: circle(0.3em);
    background: currentColor;
    forced-color-adjust: none;
    animation: pulse 2s infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.4;
    }
  }
  /* Under forced colours the inherited colour is the page's own, not the forced one: the system's button text. */
  @media (forced-colors: active) {
    :host([state='live']) .glyph {
      background: ButtonText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host([state='live']) .glyph {
      animation: none;
    }
  }
  /* A failure's message beside its retry button (before the launch code, styles.ts puts one above the other). */
  div.error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .error p {
    flex: 1 1 16em;
    margin: 0;
  }
  /* The lines under the button sit on the page: its own text colour (a theme's could be unreadable there, the
     visitor's dark preference on a light page). */
  .status {
    margin: 0.4em 0 0;
    color: var(--samesurf-muted);
    font-size: 0.9em;
  }
`;
