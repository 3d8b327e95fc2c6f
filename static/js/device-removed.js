// The page a removed phone lands on: say how many scans it still holds (they are kept, and sent after re-pairing).
import { counts } from "./queue.js";
import { fill } from "./status.js";

const note = document.getElementById("removed-kept");
counts().then(({ pending }) => {
  note.textContent = pending ? fill(note.dataset.some, { n: pending }) : note.dataset.none;
  note.dataset.pending = String(pending);
}).catch(() => {});
