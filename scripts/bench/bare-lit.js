// Reference 1 for `npm run bench`: a bare Lit element, a button that renders its slotted label and nothing else.
// Bundled with Lit and minified by the same plugins as the CDN entry (rollup.config.mjs browserPlugins()), so that
// its bytes, its render and its memory are what Lit itself costs: the floor for anything built on Lit.
import { LitElement, css, html } from 'lit';

class BareLitButton extends LitElement {
  static styles = css`
    :host {
      display: inline-block;
    }
    button {
      font: inherit;
      font-weight: 600;
      padding: 0.6em 1.1em;
      border: 0;
      border-radius: 10px;
      background: #0b57d0;
      color: #fff;
      cursor: pointer;
    }
  `;

  render() {
    return html`<button part="button" type="button"><slot></slot></button>`;
  }
}

customElements.define('bare-lit-button', BareLitButton);
