import { css } from 'lit';

/**
 * The kit's theme and common pieces (buttons, fields, tables, messages), shared by every agent element. The same
 * `--samesurf-*` custom properties as the launcher, with light and dark defaults, forced colours respected, logical
 * sides only (right-to-left works as is). Tables turn into one card per row when narrow (a phone, 400 % zoom).
 */
export const agentStyles = css`
  :host {
    --_accent: var(--samesurf-accent, #0b57d0);
    --_on-accent: var(--samesurf-accent-text, #fff);
    --_bg: var(--samesurf-background, #fff);
    --_text: var(--samesurf-text, #1d2433);
    --_muted: var(--samesurf-muted, #525b6c);
    --_error: var(--samesurf-error, #b3261e);
    --_line: color-mix(in srgb, var(--_text) 16%, transparent);
    --_radius: var(--samesurf-radius, 10px);
    display: block;
    container-type: inline-size;
    color: var(--_text);
    background: var(--_bg);
    color-scheme: light;
    font-family: var(--samesurf-font, inherit);
    line-height: 1.4;
  }
  :host([theme='dark']) {
    --_accent: var(--samesurf-accent, #a8c7fa);
    --_on-accent: var(--samesurf-accent-text, #0a1f44);
    --_bg: var(--samesurf-background, #1b1f28);
    --_text: var(--samesurf-text, #e4e7ee);
    --_muted: var(--samesurf-muted, #aeb5c4);
    --_error: var(--samesurf-error, #f2b8b5);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--samesurf-accent, #a8c7fa);
      --_on-accent: var(--samesurf-accent-text, #0a1f44);
      --_bg: var(--samesurf-background, #1b1f28);
      --_text: var(--samesurf-text, #e4e7ee);
      --_muted: var(--samesurf-muted, #aeb5c4);
      --_error: var(--samesurf-error, #f2b8b5);
      color-scheme: dark;
    }
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-block-size: 2.25rem;
    padding: 0.35em 0.9em;
    border-radius: calc(var(--_radius) * 0.6);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  /* aria-disabled too: a pager button at its end keeps focus (a disabled one would drop it) but looks unavailable. */
  button:disabled,
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.55;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--samesurf-focus-ring, var(--_accent));
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-weight: 400; /* not the label's */
    color: inherit;
    background: var(--_bg);
    border: 1px solid color-mix(in srgb, var(--_text) 45%, transparent);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.35em 0.5em;
    min-block-size: 2.25rem;
    max-inline-size: 100%;
    /* Padding and border inside that 100%: a full-width field never sticks out of a phone or 400 % zoom line. */
    box-sizing: border-box;
  }
  label {
    display: grid;
    gap: 0.2em;
    font-weight: 600;
  }
  a {
    color: var(--_accent);
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_error);
    margin: 0.5em 0;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin-block-end: 0.75em;
  }
  .toolbar h2 {
    font-size: 1.15em;
    margin: 0;
    margin-inline-end: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.5em;
    border-block-end: 1px solid var(--_line);
    vertical-align: middle;
  }
  th {
    font-size: 0.85em;
    color: var(--_muted);
    font-weight: 600;
  }
  /* In a box of its own: a cell that is itself a flex box is no table cell (its borders break). */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5em 1em;
    margin-block-start: 0.75em;
  }
  /* Narrow (a phone, 400 % zoom): each row a card, each cell labelled by its column. */
  @container (max-width: 40em) {
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    thead {
      display: none;
    }
    tr {
      border-block-end: 1px solid var(--_line);
      padding-block: 0.5em;
    }
    td {
      border: 0;
      padding: 0.2em 0;
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_muted);
      font-weight: 600;
    }
  }
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
    button:not(.secondary) {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
  }
`;
