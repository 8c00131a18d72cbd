// The agent console's demo controls: the emulator's clock (so that a scheduled room comes due now), and the
// elements told when it moved. Text only (no innerHTML).
const status = document.getElementById('clock-status');
const rooms = document.querySelector('samesurf-rooms');
const analytics = document.querySelector('samesurf-analytics');

document.getElementById('clock-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const minutes = Number(new FormData(event.currentTarget).get('minutes'));
  const button = event.currentTarget.querySelector('button');
  button.disabled = true;
  try {
    const res = await fetch('/demo/emulator-clock', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ minutes }),
    });
    const answer = await res.json();
    if (!res.ok) throw new Error(answer.error);
    const now = new Date(answer.now).toLocaleString(document.documentElement.lang, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    status.textContent = `The emulator's clock is now ${now}.`;
    await Promise.all([rooms?.refresh(), analytics?.refresh()]);
    status.textContent = `The emulator's clock is now ${now}. Running rooms and analytics are up to date.`;
  } catch (err) {
    status.textContent = `The clock did not move: ${err.message}`;
  } finally {
    button.disabled = false;
  }
});

// Scheduled: where to find it (not a live region: the scheduler announces the scheduling itself).
document.querySelector('samesurf-scheduler')?.addEventListener('samesurf-created', (event) => {
  document.getElementById('schedule-hint').textContent =
    `Room ${event.detail.room} is scheduled. It shows in Running rooms from its start time: ` +
    "move the emulator's clock past it to get there now.";
});
