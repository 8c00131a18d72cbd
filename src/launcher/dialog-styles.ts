import { css } from 'lit';

/**
 * Styles of the dialog, adopted into the element's shadow root when the launch code loads. The room
 * keeps most of the space at every size: a full-screen sheet on small or short screens, tool labels
 * that fold into icons when the header is narrow, the share panel and the leave question laid over the
 * room rather than under it. Physical sides only for the safe-area insets; logical ones everywhere else.
 */
export const dialogStyles = css`
  /* The theme's text colours and color-scheme are the dialog's alone: around the button, the page's own
     apply (a dark theme chosen by the visitor must not turn the line under the button light grey on a
     white page). */
  :host {
    --_text: var(--samesurf-text, #1d2433);
    --_muted: var(--samesurf-muted, #525b6c);
    --_scheme: light;
  }
  :host([theme='dark']) {
    --_text: var(--samesurf-text, #e4e7ee);
    --_muted: var(--samesurf-muted, #aeb5c4);
    --_scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_text: var(--samesurf-text, #e4e7ee);
      --_muted: var(--samesurf-muted, #aeb5c4);
      --_scheme: dark;
    }
  }
  [hidden] {
    display: none !important;
  }
  [part~='dialog'] {
    --_dialog-radius: min(var(--samesurf-dialog-radius, var(--samesurf-radius, 10px)), 24px);
    --_line: color-mix(in srgb, var(--_text) 16%, transparent);
    --_stage: color-mix(in srgb, var(--_text) 5%, var(--_bg));
    width: var(--samesurf-dialog-width, min(1100px, 100% - 2rem));
    height: var(--samesurf-dialog-height, min(800px, 100dvh - 2rem));
    max-width: 100%;
    max-height: 100dvh;
    padding: 0;
    /* Also the dialog's edge in forced colours. */
    border: 1px solid var(--_line);
    border-radius: var(--_dialog-radius);
    background: var(--_bg);
    color: var(--_text);
    color-scheme: var(--_scheme);
    box-shadow: 0 24px 64px rgb(0 0 0 / 0.35);
    overflow: hidden;
    /* Queried in its own ems (so text zoom counts too) by the header's spacing below. */
    container-type: inline-size;
  }
  /* One column; the share panel shares the room's row, on top of it. */
  [part~='dialog'][open] {
    display: grid;
    grid-template: auto auto minmax(0, 1fr) auto / minmax(0, 1fr);
  }
  [part~='dialog']::backdrop {
    background: var(--samesurf-backdrop, rgb(15 23 42 / 0.6));
  }
  [part~='dialog'].maximized,
  [part~='dialog']:fullscreen {
    width: 100%;
    height: 100dvh;
    border: 0;
    border-radius: 0;
  }
  @media (max-width: 600px), (max-height: 500px) {
    [part~='dialog'] {
      width: 100%;
      height: 100dvh;
      border: 0;
      border-radius: 0;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='dialog'][open] {
      animation: enter 0.18s ease-out;
    }
    [part~='dialog'][open]::backdrop {
      animation: fade 0.18s ease-out;
    }
  }
  @keyframes enter {
    from {
      opacity: 0;
      transform: translateY(12px) scale(0.98);
    }
  }
  @keyframes fade {
    from {
      opacity: 0;
    }
  }

  [part~='header'] {
    grid-row: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    padding: max(0.5rem, env(safe-area-inset-top)) max(0.5rem, env(safe-area-inset-right)) 0.5rem
      max(0.5rem, env(safe-area-inset-left));
    border-bottom: 1px solid var(--_line);
    /* The tools fold by the room the header has inside its padding (safe-area insets included). */
    container-type: inline-size;
  }
  /* Wraps (never shrinks to a letter) once the tools have folded. */
  [part~='title'] {
    flex: 1 1 6em;
    margin: 0;
    margin-inline-start: 0.5rem;
    font-size: 1.05rem;
    font-weight: 650;
    line-height: 1.25;
    overflow-wrap: break-word;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-inline-start: auto;
  }
  .tool {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.35em;
    min-width: 2.5rem;
    min-height: 2.5rem;
    padding: 0 0.6rem;
    /* Transparent, so only forced colours draw it. */
    border: 1px solid transparent;
    border-radius: calc(var(--_dialog-radius) * 0.6);
    background: transparent;
    color: var(--_text);
    font-size: 0.9rem;
    font-weight: 500;
  }
  .tool:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  /* Full screen on, share panel open, leave question asked. */
  .tool[aria-pressed='true'],
  .tool[aria-expanded='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 16%, var(--_bg));
  }
  .tool svg {
    width: 1.15rem;
    height: 1.15rem;
    flex: none;
  }
  .danger {
    color: var(--_error);
  }
  .tool.danger:hover {
    background: color-mix(in srgb, var(--_error) 10%, transparent);
  }
  .tool.danger[aria-expanded='true'] {
    border-color: var(--_error);
    background: color-mix(in srgb, var(--_error) 12%, var(--_bg));
  }
  /* The sheet is there before any retry button can be: the hover of those under the launcher too. */
  .secondary:hover {
    background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
  }
  .secondary.danger:hover {
    filter: brightness(0.92);
  }
  .secondary.danger {
    border-color: var(--_error);
    background: var(--_error);
    color: var(--_bg);
  }
  [part~='dialog'] .secondary {
    min-height: 2.25rem;
    border-radius: calc(var(--_dialog-radius) * 0.6);
  }
  /* Tool labels fold into icons (the text stays their accessible name) before the title gives way: first
     the two longest, then all. The widths fit the longest built-in language (Spanish) on one line. */
  @container (max-width: 54em) {
    [part~='fullscreen-button'],
    [part~='tab-button'] {
      padding: 0;
    }
    [part~='fullscreen-button'] .text,
    [part~='tab-button'] .text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  @container (max-width: 38em) {
    .tool {
      padding: 0;
    }
    .tool .text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  @media (max-height: 500px) {
    [part~='header'] {
      padding-bottom: 0.25rem;
      padding-top: max(0.25rem, env(safe-area-inset-top));
    }
    .tool {
      min-width: 2.25rem;
      min-height: 2.25rem;
    }
  }

  /* About 400 % zoom, or large text on a phone: a tighter header keeps title and tools on one line. */
  @container (max-width: 21em) {
    [part~='header'] {
      gap: 0.25rem;
      padding-right: max(0.25rem, env(safe-area-inset-right));
      padding-left: max(0.25rem, env(safe-area-inset-left));
    }
    [part~='title'] {
      margin-inline-start: 0.25rem;
      font-size: 1rem;
    }
    .tools {
      gap: 0;
    }
    .tool {
      min-width: 2.25em;
      min-height: 2.25em;
    }
  }
  slot[name='footer'] {
    display: block;
    grid-row: 4;
  }

  /* The room, with its loading, failure and leave layers stacked in one cell over it. */
  .stage {
    grid-area: 3/1;
    display: grid;
    padding: 0 env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
    background: var(--_stage);
    overflow: hidden;
  }
  .stage > * {
    grid-area: 1/1;
  }
  [part~='frame'] {
    width: 100%;
    height: 100%;
    border: 0;
  }
  .loading,
  .frame-error {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    padding: 1rem;
    background: var(--_stage);
    text-align: center;
  }
  .loading {
    color: var(--_muted);
  }
  .loading .spinner {
    width: 2rem;
    height: 2rem;
    border-width: 3px;
    color: var(--_accent);
  }
  .frame-error p {
    max-width: 28rem;
    margin: 0;
  }
  .ended .error {
    color: var(--_error);
  }
  /* Never taller than the room: on a short screen it starts at the top and scrolls. */
  .confirm {
    place-self: safe center;
    width: min(28rem, 100% - 2rem);
    max-height: calc(100% - 1rem);
    overflow: auto;
    overscroll-behavior: contain;
    padding: 1.25rem;
    border: 1px solid var(--_line);
    border-radius: var(--_dialog-radius);
    background: var(--_bg);
    /* Dims the room around the question. */
    box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.4);
  }
  .confirm p {
    margin: 0 0 0.75rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }

  /* A popover from the share button, over the top of the room. */
  .share {
    grid-area: 3/1;
    z-index: 1;
    place-self: start end;
    /* The link and its copy button share a row while it is wide enough for both; then the button wraps below. */
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    width: min(28rem, 100% - 1rem);
    margin: 0.5rem max(0.5rem, env(safe-area-inset-right)) 0.5rem max(0.5rem, env(safe-area-inset-left));
    padding: 0.9rem 1rem;
    border: 1px solid var(--_line);
    border-radius: min(var(--_dialog-radius), 12px);
    background: var(--_bg);
    box-shadow: 0 12px 32px rgb(0 0 0 / 0.25);
    font-size: 0.9rem;
  }
  .share label,
  .notes {
    flex-basis: 100%;
  }
  .share label {
    font-weight: 600;
  }
  /* A link reads left to right, whatever the page's direction. */
  .share input {
    direction: ltr;
    flex: 1 1 10em;
    min-width: 0;
    padding: 0.4rem 0.6rem;
    border: 1px solid color-mix(in srgb, var(--_text) 55%, transparent);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_text);
  }
  /* "Link copied" takes the hint's place for a moment: nothing moves. */
  .notes {
    display: grid;
  }
  .copied,
  .hint {
    grid-area: 1/1;
    margin: 0;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .copied:not(:empty) + .hint {
    visibility: hidden;
  }

  @media (forced-colors: active) {
    .tool[aria-pressed='true'],
    .tool[aria-expanded='true'],
    .tool.danger[aria-expanded='true'] {
      forced-color-adjust: none;
      background: SelectedItem;
      color: SelectedItemText;
    }
  }

`;
