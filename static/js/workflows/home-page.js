// The task hub: open orders, pick lists and counts of the site, from the network or the phone's copy.
import { requestSync } from "../app.js";
import { completing, loadTasks, OPEN, wcfg, wt } from "./tasks.js";

function progress(task) {
  if (task.kind === "count_session") return task.bins.join(" · ");
  const done = task.lines.reduce((n, l) => n + (task.kind === "pick_list" ? l.picked + l.short : Math.min(l.received, l.expected)), 0);
  const all = task.lines.reduce((n, l) => n + (task.kind === "pick_list" ? l.quantity : l.expected), 0);
  return `${done} / ${all}`;
}

async function render() {
  const { tasks: all, online } = await loadTasks();
  const finished = await completing();  // completed on this phone, not yet sent
  // The saved copy keeps tasks a task screen saw close: they are not work any more.
  const tasks = all.filter((task) => !finished.has(task.id) && OPEN.includes(task.status));
  document.getElementById("wf-note").textContent = online ? "" : wt.offline_list;
  for (const list of document.querySelectorAll(".wf-tasks")) {
    const mine = tasks.filter((task) => task.kind === list.dataset.kind);
    list.replaceChildren(...(mine.length ? mine.map((task) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.className = "wf-task";
      a.href = `${wcfg.task}#${task.id}`;
      a.dataset.number = task.number;
      const title = document.createElement("strong");
      title.textContent = [task.number, task.title].filter(Boolean).join("  ");
      const sub = document.createElement("span");
      sub.textContent = progress(task);
      a.append(title, sub);
      li.append(a);
      return li;
    }) : [Object.assign(document.createElement("li"), { className: "hint", textContent: wt.no_tasks })]));
  }
  document.body.dataset.tasksLoaded = online ? "online" : "offline";
}

render();
requestSync();
window.addEventListener("online", render);
