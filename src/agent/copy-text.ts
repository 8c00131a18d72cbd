/**
 * Copies text: the clipboard API, or (without its permission, on an older browser) a selected field. The field is
 * made in `root`, out of sight, and removed at once: the text is never written into the page's own DOM.
 */
export async function copyText(text: string, root: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'sr-only';
    root.append(field);
    field.select();
    try {
      return document.execCommand?.('copy') ?? false;
    } catch {
      return false;
    } finally {
      field.remove();
    }
  }
}
