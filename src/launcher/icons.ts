import { svg } from 'lit';

// Inline SVG icons (no icon font, nothing fetched): 24×24, stroked with currentColor.
const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
    stroke-linejoin="round" aria-hidden="true" focusable="false">${path}</svg>`;

export const closeIcon = icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`);
export const expandIcon = icon(svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>`);
export const externalIcon = icon(
  svg`<path d="M14 4h6v6M20 4l-9 9M19 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h5"/>`,
);
export const minimiseIcon = icon(svg`<path d="M5 19h14"/>`);
export const leaveIcon = icon(svg`<path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 16l-4-4 4-4M6 12h10"/>`);
export const inviteIcon = icon(
  svg`<path d="M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6M19 8v6M22 11h-6"/>`,
);
