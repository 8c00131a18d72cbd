import { css } from 'lit';

/** `<samesurf-rooms>`'s own styles, over the kit's (agent-styles.ts): the invitation form, the busy note, sessions. */
export const roomsStyles = css`
      .invite-row td {
        padding-block: 0.75em;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.75em;
      }
      form input[type='number'] {
        inline-size: 6em;
      }
      .result {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5em;
        flex-basis: 100%;
      }
      .result label {
        flex: 1 1 20em;
        max-inline-size: 40em;
      }
      .result input {
        inline-size: 100%;
      }
      .toolbar {
        position: relative;
      }
      .busy-note {
        position: absolute;
        inset-block-start: 100%;
        inset-inline-end: 0;
        font-size: 0.85em;
      }
      .sessions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-block-end: 0.75em;
      }
      td.title {
        overflow-wrap: anywhere;
      }
      /* A share of the width for titles: a long unbroken one may wrap anywhere, so the column's least width is a
         letter's, and short titles got so little that their words broke in two. */
      th:first-child {
        inline-size: 30%;
      }
`;
