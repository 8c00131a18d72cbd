import { css } from 'lit';

/** `<samesurf-room-report>`'s own styles, over the kit's (agent-styles.ts): the timeline, the recordings' grid. */
export const reportStyles = css`
      h3 {
        font-size: 1em;
        margin: 1.25em 0 0.5em;
      }
      /* Numbers inside the box: "10." and up no longer hang out of an element without side padding. */
      .timeline {
        margin: 0;
        padding: 0;
        list-style-position: inside;
      }
      .timeline li {
        margin-block: 0.2em;
      }
      .timeline time {
        color: var(--_muted);
        margin-inline-end: 0.5em;
        font-variant-numeric: tabular-nums;
      }
      .recordings {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(20em, 100%), 1fr));
        gap: 1em;
      }
      .recording {
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        padding: 0.75em;
        display: grid;
        gap: 0.6em;
        align-content: start;
      }
      .media {
        aspect-ratio: 16 / 9;
        inline-size: 100%;
        background: color-mix(in srgb, var(--_text) 8%, transparent);
        border-radius: calc(var(--_radius) * 0.6);
        display: grid;
        place-items: center;
        overflow: hidden;
      }
      .media img,
      .media video {
        inline-size: 100%;
        block-size: 100%;
        object-fit: contain;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5em;
      }
      form input {
        inline-size: 7em;
      }
      .shot {
        margin: 0;
        display: grid;
        gap: 0.3em;
        justify-items: start;
      }
      .shot img {
        max-inline-size: 100%;
        block-size: auto;
      }
`;
