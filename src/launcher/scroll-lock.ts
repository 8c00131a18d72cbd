/**
 * Locks page scroll while a modal is open and restores the page's own inline style exactly. A page that does not
 * scroll is left alone: there is nothing to lock, and changing its overflow would lay the whole page out again (and
 * take away a scrollbar it shows, shifting it sideways).
 */
let holders = 0;
let saved: { value: string; priority: string; hadStyle: boolean } | undefined;

export function lockScroll(): void {
  if (holders++ > 0) return;
  const root = document.documentElement;
  if (root.scrollHeight <= root.clientHeight && root.scrollWidth <= root.clientWidth) return;
  saved = {
    value: root.style.getPropertyValue('overflow'),
    priority: root.style.getPropertyPriority('overflow'),
    hadStyle: root.hasAttribute('style'),
  };
  root.style.setProperty('overflow', 'hidden', 'important');
}

export function unlockScroll(): void {
  if (holders === 0 || --holders > 0 || !saved) return;
  const root = document.documentElement;
  if (saved.value) root.style.setProperty('overflow', saved.value, saved.priority);
  else root.style.removeProperty('overflow');
  if (!saved.hadStyle && root.getAttribute('style') === '') root.removeAttribute('style');
  saved = undefined;
}
