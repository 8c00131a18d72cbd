// The demo's event log: every samesurf-* event, summarised. Text only (no innerHTML), and never an
// invitation link: those are secrets.
const log = document.getElementById('log');
const EVENTS = ['before-create', 'created', 'show', 'after-show', 'hide', 'after-hide', 'error'];

function summary(type, detail, target) {
  const where = target.id || target.getAttribute('mode') || target.getAttribute('start-url') || '';
  switch (type) {
    case 'before-create':
      return `${detail.mode} ${where}`;
    case 'created':
      return `room ${detail.room ?? '(invitation)'} ${where}`;
    case 'hide':
      return `source: ${detail.source}`;
    case 'error':
      return `${detail.code}${detail.errorcode ? ` ${detail.errorcode}` : ''}${detail.attribute ? ` [${detail.attribute}]` : ''}: ${detail.message}`;
    default:
      return where;
  }
}

for (const name of EVENTS) {
  document.addEventListener(`samesurf-${name}`, (event) => {
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString();
    const kind = document.createElement('strong');
    kind.textContent = ` samesurf-${name} `;
    item.append(time, kind, summary(name, event.detail ?? {}, event.target));
    if (name === 'error') item.className = 'error';
    log.prepend(item);
    while (log.children.length > 50) log.lastElementChild.remove();
  });
}
document.getElementById('clear-log').addEventListener('click', () => log.replaceChildren());
