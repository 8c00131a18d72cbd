import { css } from 'lit';

/**
 * Styles of the button, its status line and errors (first load: keep them small); the dialog's are in
 * dialog-styles.ts, loaded with the launch. Every colour and size has a --samesurf-* custom property:
 * the page's value wins, then the theme's default (light, dark, or the visitor's preference). Only what the
 * button area needs is here: the dialog's sheet adds the text colours and color-scheme.
 */
export const launcherStyles = css`
  :host {
    --_accent: var(--samesurf-accent, #0b57d0);
    --_on-accent: var(--samesurf-accent-text, #fff);
    --_bg: var(--samesurf-background, #fff);
    --_error: var(--samesurf-error, #b3261e);
    display: inline-block;
    max-width: 100%;
    font-family: var(--samesurf-font, inherit);
    line-height: 1.4;
  }
  /* The same dark defaults twice: forced by theme="dark", or chosen by the visitor unless theme="light". */
  :host([theme='dark']) {
    --_accent: var(--samesurf-accent, #a8c7fa);
    --_on-accent: var(--samesurf-accent-text, #0a1f44);
    --_bg: var(--samesurf-background, #1b1f28);
    --_error: var(--samesurf-error, #f2b8b5);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--samesurf-accent, #a8c7fa);
      --_on-accent: var(--samesurf-accent-text, #0a1f44);
      --_bg: var(--samesurf-background, #1b1f28);
      --_error: var(--samesurf-error, #f2b8b5);
    }
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    border-radius: var(--samesurf-button-radius, var(--samesurf-radius, 10px));
  }
  /* The halo in the surface colour keeps the ring distinct on a page of any colour. */
  :focus-visible {
    outline: 3px solid var(--samesurf-focus-ring, var(--_accent));
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--_bg);
  }

  /* Never wider than its container: the label wraps (text zoom, narrow columns). */
  .launch {
    display: inline-flex;
    align-items: center;
    max-width: 100%;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.6em 1.25em;
    /* Transparent, so only forced colours draw it. */
    border: 1px solid transparent;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .launch:hover {
    filter: brightness(0.92);
  }
  /* The spinner (busy) or the live dot (live) over the icon's place, at its start: the icon keeps its box, hidden, so
     the button keeps its size whatever the icon (the glyph's end margin takes back its width and the gap). Icons keep
     their size in a narrow button too; the label wraps. No grid, no SVG, no wrapper, nothing that scrolls in the
     button: each costs a page of a thousand launchers its layout time and memory (npm run bench). */
  :host([state='busy']) slot[name='icon'],
  :host([state='live']) slot[name='icon'] {
    visibility: hidden;
  }
  :host(:not([state='busy'], [state='live'])) .glyph {
    display: none;
  }
  .glyph,
  .pointer,
  ::slotted(*) {
    flex: none;
  }
  /* The default icon, a pointer: drawn with borders (forced colours keep them), cut to shape. */
  .pointer {
    width: 1.25em;
    height: 1.25em;
    border: 0.625em solid;
    clip-path: polygon(16.67% 12.5%, 41.67% 83.33%, 52.08% 54.17%, 81.25% 43.75%);
  }
  /* Both labels stacked, the hidden one without height (nor line height, so that nothing overflows): the button is as
     wide as the longer, whichever shows. The live one is generated from data-live, which needs no element. */
  .label {
    min-width: 0;
  }
  slot:not([name]),
  .label::after {
    display: block;
  }
  .label::after {
    content: attr(data-live);
  }
  :host([state='live']) slot:not([name]),
  :host(:not([state='live'])) .label::after {
    height: 0;
    line-height: 0;
  }
  /* Hidden through the label (around the slot), which is what axe goes by; the live one shows through it. */
  :host([state='live']) .label,
  .label::after {
    visibility: hidden;
  }
  :host([state='live']) .label::after {
    visibility: visible;
  }
  /* A ring with a quarter masked off, and a dot: drawn with borders, which forced colours keep visible. */
  :host([state='busy']) .glyph {
    margin-inline: 0.125em -1.625em;
  }
  :host([state='busy']) .glyph,
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid;
    border-radius: 50%;
    mask: conic-gradient(#0000 25%, #000 0);
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  /* Announced, never seen: always rendered, so that a screen reader hears every change. Empty, the button's is an
     empty inline box with no clip to lay out or paint (a thousand launchers' worth); the dialog's sits in its grid. */
  .sr-only:not(:empty),
  dialog .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: clip;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Errors sit on the page under the button: its own text colour, and a tint that lets the page show through. */
  .error {
    max-width: 32em;
    margin: 0.5em 0 0;
    padding: 0.6em 0.8em;
    border-inline-start: 4px solid var(--_error);
    border-radius: 4px;
    background: color-mix(in srgb, var(--_error) 10%, transparent);
    font-size: 0.9em;
  }
  .secondary {
    padding: 0.35em 0.9em;
    border: 1px solid;
    background: var(--_bg);
    color: var(--_accent);
  }
  @media (prefers-reduced-motion: reduce) {
    .glyph,
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;
