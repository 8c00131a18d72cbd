import { css } from 'lit';

/**
 * Styles of the button, messages and errors of <samesurf-launcher>; the dialog's are in dialog-styles.ts,
 * loaded with the launch. Every colour and size has a --samesurf-* custom property with a default.
 */
export const launcherStyles = css`
  :host {
    --_accent: var(--samesurf-accent, #0b57d0);
    --_on-accent: var(--samesurf-accent-text, #ffffff);
    --_text: var(--samesurf-text, #1d2433);
    --_muted: var(--samesurf-muted, #525b6c);
    --_bg: var(--samesurf-background, #ffffff);
    --_radius: var(--samesurf-radius, 10px);
    --_error: var(--samesurf-error, #b3261e);
    display: inline-block;
    font-family: var(--samesurf-font, inherit);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  button,
  input,
  a {
    font: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--samesurf-focus-ring, var(--_accent));
    outline-offset: 2px;
  }

  [part~='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.6em 1.25em;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
    transition: filter 0.15s;
  }
  [part~='button']:hover {
    filter: brightness(0.92);
  }
  [part~='button'][aria-busy='true'] {
    cursor: progress;
  }
  [part~='spinner'] {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  .status {
    margin: 0.4em 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .status:empty {
    display: none;
  }
  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    max-width: 32em;
    margin-top: 0.5em;
    padding: 0.6em 0.8em;
    border-left: 4px solid var(--_error);
    border-radius: 4px;
    background: color-mix(in srgb, var(--_error) 8%, var(--_bg));
    color: var(--_text);
    font-size: 0.9em;
  }
  [part~='error'] p {
    margin: 0;
    flex: 1 1 16em;
  }
  .secondary {
    padding: 0.35em 0.9em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='spinner'] {
      animation-duration: 2.4s;
    }
  }
`;
