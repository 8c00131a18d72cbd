// Reference 2 for `npm run bench`, "the dialog floor": a library-free element that does the least a launcher can do
// for the same result. On a click it sends the same create request to the same API (an unsigned `none` JWT built by
// hand, as src/api/jwt.ts makes it: base64url {"typ":"JWT","alg":"none"} . base64url {iat, sub} . ), then opens the
// same dialog markup (a native <dialog> with a header, a close button and an <iframe> of the returned link) with
// showModal(). A second click re-opens that dialog at once. Minified by the same plugins as the CDN entry.
/* global CSSStyleSheet, HTMLElement, btoa, customElements, document, fetch */

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  :host { display: inline-block; }
  button { font: inherit; font-weight: 600; padding: .6em 1.1em; border: 0; border-radius: 10px;
    background: #0b57d0; color: #fff; cursor: pointer; }
  dialog { width: min(1100px, 100vw - 2rem); height: min(800px, 100vh - 2rem); padding: 0; border: 0;
    border-radius: 10px; display: grid; grid-template-rows: auto 1fr; }
  dialog:not([open]) { display: none; }
  dialog::backdrop { background: rgb(15 23 42 / .6); }
  header { display: flex; align-items: center; justify-content: space-between; padding: .5rem 1rem; }
  h2 { font-size: 1rem; margin: 0; }
  iframe { border: 0; width: 100%; height: 100%; }
`);

const b64url = (text) => btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

class FloorLauncher extends HTMLElement {
  #dialog;
  #busy = false;

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = '<button part="button" type="button"><slot></slot></button>';
    root.firstChild.addEventListener('click', () => this.#open());
  }

  async #open() {
    if (this.#dialog) return this.#dialog.showModal();
    if (this.#busy) return;
    this.#busy = true;
    try {
      const claims = { iat: Math.floor(Date.now() / 1000), sub: this.getAttribute('api-key') };
      const token = `${b64url('{"typ":"JWT","alg":"none"}')}.${b64url(JSON.stringify(claims))}.`;
      const res = await fetch(`${this.getAttribute('api-base')}/create`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ starturl: this.getAttribute('start-url') }),
        credentials: 'omit',
      });
      const room = await res.json();
      const dialog = document.createElement('dialog');
      dialog.setAttribute('part', 'dialog');
      dialog.setAttribute('aria-labelledby', 'title');
      dialog.innerHTML =
        '<header><h2 id="title">Co-browsing</h2>' +
        '<button part="minimise-button" type="button" autofocus>Minimise</button></header>' +
        '<iframe part="frame" title="Co-browsing room" allow="camera; microphone; display-capture; fullscreen; ' +
        'clipboard-write"></iframe>';
      dialog.querySelector('iframe').src = room.privateinvitation ?? room.publicinvitation;
      dialog.querySelector('button').addEventListener('click', () => dialog.close());
      this.shadowRoot.append(dialog);
      this.#dialog = dialog;
      dialog.showModal();
    } finally {
      this.#busy = false;
    }
  }
}

customElements.define('floor-launcher', FloorLauncher);
