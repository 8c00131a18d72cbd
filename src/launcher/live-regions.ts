/** What the two live regions say: the launcher's own, and the dialog's while it is open (the page behind is inert). */
export class LiveRegions {
  launcher = '';
  dialog = '';

  constructor(private readonly changed: () => void) {}

  say(text: string): void {
    this.launcher = next(this.launcher, text);
    this.changed();
  }

  sayInDialog(text: string): void {
    this.dialog = next(this.dialog, text);
    this.changed();
  }
}

/** The same sentence twice in a row is still announced: a live region speaks on change. */
const next = (previous: string, text: string) => (text && text === previous ? `${text}\u00a0` : text);
