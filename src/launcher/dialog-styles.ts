import { css } from 'lit';

/** Styles of the dialog, adopted into the element's shadow root when the launch code loads. */
export const dialogStyles = css`
  [part~='dialog'] {
    width: var(--samesurf-dialog-width, min(1100px, calc(100vw - 2rem)));
    height: var(--samesurf-dialog-height, min(800px, calc(100vh - 2rem)));
    max-width: 100vw;
    max-height: 100vh;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 24px 64px rgb(0 0 0 / 0.35);
    overflow: hidden;
  }
  [part~='dialog'][open] {
    display: flex;
    flex-direction: column;
  }
  [part~='dialog']::backdrop {
    background: var(--samesurf-backdrop, rgb(15 23 42 / 0.6));
  }
  [part~='dialog'].maximized,
  [part~='dialog']:fullscreen {
    width: 100vw;
    height: 100vh;
    border-radius: 0;
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
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.5rem 0.5rem 1.25rem;
    border-bottom: 1px solid color-mix(in srgb, var(--_text) 14%, transparent);
  }
  [part~='title'] {
    flex: 1;
    margin: 0;
    font-size: 1.05rem;
    font-weight: 650;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .tool {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.35em;
    min-width: 2.5rem;
    min-height: 2.5rem;
    padding: 0 0.6rem;
    border: 0;
    border-radius: calc(var(--_radius) * 0.8);
    background: transparent;
    color: var(--_text);
    font-size: 0.9rem;
    text-decoration: none;
    cursor: pointer;
  }
  .tool:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .tool svg {
    width: 1.15rem;
    height: 1.15rem;
    flex: none;
  }
  .notice {
    margin: 0;
    padding: 0.5rem 1.25rem;
    background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
    font-size: 0.9rem;
  }
  .notice:empty {
    display: none;
  }
  [part~='frame'] {
    flex: 1;
    width: 100%;
    min-height: 0;
    border: 0;
    background: #f4f6fb;
  }
  [part~='share'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.75rem;
    padding: 0.65rem 1.25rem;
    border-top: 1px solid color-mix(in srgb, var(--_text) 14%, transparent);
    font-size: 0.9rem;
  }
  [part~='share'] label {
    font-weight: 600;
  }
  [part~='share'] input {
    flex: 1 1 16rem;
    min-width: 0;
    padding: 0.4rem 0.6rem;
    border: 1px solid color-mix(in srgb, var(--_text) 30%, transparent);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_text);
  }
  [part~='share'] .hint {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .copied {
    color: var(--_muted);
  }
  @media (max-width: 600px) {
    [part~='dialog'] {
      width: 100vw;
      height: 100vh;
      border-radius: 0;
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
`;
