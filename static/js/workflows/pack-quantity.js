// A base quantity as the worker reads it: 「1 ケース 1 個」 where the item has packs, the plain number where it has none.
// Pure (the words come in), so tests/web/test_pack_quantity_js.py holds it to webapp/domain/pack_levels.py.
import { fill } from "../status.js";

const unitWord = (words, unit) => (words.unit_words || {})[String(unit || "pcs").trim().toLowerCase()] ?? (unit || "");

/** `n` pieces of a line's item (inner_qty, case_qty, unit) split into whole cases, inners and pieces, largest first. */
export function mixed(n, line, words) {
  if (!line || (!line.case_qty && !line.inner_qty)) return String(n);
  const sign = n < 0 ? "-" : "";
  let rest = Math.abs(n);
  const parts = [];
  for (const [level, size] of [["case", line.case_qty], ["inner", line.inner_qty]]) {
    if (!size) continue;
    const packs = Math.floor(rest / size);
    rest %= size;
    if (packs) parts.push(fill(words[`${level}_${packs === 1 ? "one" : "many"}`], { n: `${sign}${packs.toLocaleString("en-US")}` }));
  }
  if (rest || !parts.length) parts.push(`${sign}${rest.toLocaleString("en-US")} ${unitWord(words, line.unit)}`);
  return parts.join(" ");
}
