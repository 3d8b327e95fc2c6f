// Recent scans on this device, with undo, and the scans the server would not accept.
import { config, lang, requestSync, t } from "./app.js";
import { byState, dismiss, onQueueChange, recent, retry, undo } from "./queue.js";
import { renderRows } from "./rows.js";

const $ = (id) => document.getElementById(id);

async function render() {
  const attention = await byState("attention");
  $("attention-section").hidden = !attention.length;
  renderRows($("attention-list"), attention.reverse(), {
    t, lang,
    onRetry: async (row) => { await retry(row.scan_id); requestSync(); },
    onDismiss: (row) => dismiss(row.scan_id),
  });
  const rows = (await recent(100)).filter((r) => r.state === "pending" || r.state === "done");
  $("recent-empty").hidden = rows.length > 0;
  renderRows($("recent-list"), rows, {
    t, lang,
    onUndo: async (row) => {
      if (!window.confirm(t.undo_confirm)) return;
      await undo(row, config.user_id);
      requestSync();
    },
  });
}

onQueueChange(render);
render();
