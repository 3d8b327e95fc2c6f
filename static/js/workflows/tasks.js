// Open tasks kept on the phone (IndexedDB meta) so receiving, picking and counting work with no signal.
import { getMeta, req, setMeta, tx } from "../idb.js";
import { byState } from "../queue.js";

const readJson = (id) => JSON.parse(document.getElementById(id).textContent);
export const wt = readJson("wf-i18n");
export const wcfg = readJson("wf-config");
const KEY = "workflow_tasks";
export const OPEN = ["open", "in_progress"];

/** Fetch the open tasks when online and keep them; else the saved ones. {tasks, online} */
export async function loadTasks() {
  try {
    const url = wcfg.site_id ? `${wcfg.open}?site_id=${wcfg.site_id}` : wcfg.open;
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { tasks } = await response.json();
    await setMeta(KEY, { at: new Date().toISOString(), tasks });
    return { tasks, online: true };
  } catch (err) {
    const saved = await getMeta(KEY);
    return { tasks: (saved && saved.tasks) || [], online: false };
  }
}

/** The task as the server has it now, whatever its status, kept in the phone's copy; null when unreachable. */
export async function fetchTask(id) {
  try {
    const response = await fetch(wcfg.task_api.replace(/0$/, String(id)),
      { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
    if (!response.ok) return null;
    const task = await response.json();
    const saved = (await getMeta(KEY)) || { tasks: [] };
    const tasks = saved.tasks.filter((t) => t.id !== task.id).concat([task]);
    await setMeta(KEY, { at: saved.at, tasks });
    return task;
  } catch (err) {
    return null;
  }
}

/** The saved copy of one task (offline). */
export async function savedTask(id) {
  const saved = await getMeta(KEY);
  return ((saved && saved.tasks) || []).find((t) => String(t.id) === String(id)) || null;
}

const scanById = (id) => tx("scans", "readonly", (s) => req(s.scans.get(id)));

/**
 * What the queue still holds for a task: units of each (bin|item) key, shown as done before the server confirms,
 * and the task actions (short pick, complete) waiting to be sent.
 */
export async function pendingWork(taskId) {
  const units = new Map();
  const actions = [];
  const add = (row, sign) => {
    const key = `${row.body.location || ""}|${row.local.item_id}`;
    units.set(key, (units.get(key) || 0) + sign * (row.local.units || row.body.quantity));
  };
  for (const row of await byState("pending")) {
    if (row.body.mode === "undo") {
      // An undo not yet sent takes its scan back here at once, whether that scan was sent or not.
      const original = await scanById(row.body.undo_of);
      if (original && original.body.task_id === taskId && original.state !== "attention") add(original, -1);
      continue;
    }
    if (row.body.task_id !== taskId) continue;
    if (row.type === "action") { actions.push(row); continue; }
    add(row, 1);
  }
  return { units, actions };
}

/** The task as it will be once its queued actions are applied: a shorted line has nothing left. */
export function withActions(task, actions) {
  const shorts = new Map(actions.filter((a) => a.body.kind === "short").map((a) => [a.body.line_id, a.local.units]));
  return {
    ...task,
    completing: actions.some((a) => a.body.kind === "complete"),
    lines: task.lines.map((l) => (shorts.has(l.id) && !l.short
      ? { ...l, short: shorts.get(l.id) || Math.max(l.quantity - l.picked, 1), left: 0, short_queued: true } : l)),
  };
}

/** Ids of the tasks with a completion waiting in the queue. */
export async function completing() {
  return new Set((await byState("pending")).filter((r) => r.type === "action" && r.body.kind === "complete")
    .map((r) => r.body.task_id));
}
