// A base quantity as the worker reads it: 「1 ケース 1 個」 where the item has packs, the plain number where it has none.
import { fill } from "../status.js";
import { wt } from "./tasks.js";

const unitWord = (unit) => (wt.unit_words || {})[String(unit || "pcs").trim().toLowerCase()] ?? (unit || "");

/** `n` pieces of a line's item (inner_qty, case_qty, unit) split into whole cases, inners and pieces, largest first. */
export function mixed(n, line) {
  if (!line || (!line.case_qty && !line.inner_qty)) return String(n);
  const sign = n < 0 ? "-" : "";
  let rest = Math.abs(n);
  const parts = [];
  for (const [level, size] of [["case", line.case_qty], ["inner", line.inner_qty]]) {
    if (!size) continue;
    const packs = Math.floor(rest / size);
    rest %= size;
    if (packs) parts.push(fill(wt[`${level}_${packs === 1 ? "one" : "many"}`], { n: `${sign}${packs}` }));
  }
  if (rest || !parts.length) parts.push(`${sign}${rest} ${unitWord(line.unit)}`);
  return parts.join(" ");
}
