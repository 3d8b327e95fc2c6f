// Scanned-code rules on the device, mirroring webapp/domain/barcodes.py: GS1 check digits, GTIN-14
// keys, UPC-E, GS1 element strings. The server stays the judge; the device uses these to catch
// misreads at once and to find items in its offline copy.
export const GS = "\x1d";
const IDENTIFIER = /^\]([A-Za-z])([0-9])/;
const GS1_IDENTIFIERS = new Set(["C1", "d2", "Q3", "e0", "e1", "e2", "J1"]);
// Long enough for a QR or Data Matrix holding a few lines of text (a delivery note, an address); the server
// (webapp/domain/barcodes.py MAX_LENGTH) accepts the same.
export const MAX_LENGTH = 2000;
// Control characters other than tab and line breaks, which 2D codes carry in their text.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1c\x1e-\x1f\x7f-\x9f]/;
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);
// Formats that carry a GTIN and nothing else: their check digit is enforced, a wrong one is a misread.
const RETAIL = new Set(["ean13", "ean8", "upca", "upce", "jan", "jan13", "jan8"]);

export class MalformedCode extends Error {
  constructor(reason, message, expected) {
    super(message);
    this.reason = reason;
    this.expected = expected;
  }
}

const digitsOnly = (s) => /^[0-9]+$/.test(s);
// Mirrors webapp/domain/typed.py: dashes an IME gives for "-", katakana, spaces and dots between words.
const DASH = /[\u2010-\u2015\u2212\u30fc\u2500]/;
const DASHES = new RegExp(DASH.source, "g");
const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/g;
const WORD_GAPS = /[\s\u30fb\u00b7]+/g;
const EDGE_SPACE = /^[^\S\x1c-\x1f]+|[^\S\x1c-\x1f]+$/g;

/** A typed code as a scanner sends it: full-width digits and letters to ASCII, an IME dash to "-" in codes. */
export function normaliseCode(text) {
  const code = text.normalize("NFKC").replace(EDGE_SPACE, "");
  return DASH.test(code) && /^[\x00-\x7f]*$/.test(code.replace(DASHES, "")) ? code.replace(DASHES, "-") : code;
}

/** A name or query folded for matching: NFKC, lower case, katakana as hiragana, no gaps between words. */
export function searchKey(text) {
  return text.normalize("NFKC").toLowerCase()
    .replace(KATAKANA, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60)).replace(WORD_GAPS, "");
}

export function checkDigit(body) {
  let total = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    total += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (total % 10)) % 10;
}

export function isValidGtin(code) {
  return GTIN_LENGTHS.has(code.length) && digitsOnly(code) && checkDigit(code.slice(0, -1)) === Number(code.at(-1));
}

export function toGtin14(code) {
  if (!isValidGtin(code)) {
    const expected = checkDigit(code.slice(0, -1));
    throw new MalformedCode("bad_check_digit", `check digit of ${code} should be ${expected}`, expected);
  }
  return code.padStart(14, "0");
}

/** UPC-E (6, 7 or 8 digits) to its 12-digit UPC-A; throws on a wrong check digit. */
export function expandUpce(code) {
  if (code.length === 6) code = "0" + code;
  if (!digitsOnly(code) || code.length < 7 || code.length > 8 || !"01".includes(code[0])) {
    throw new MalformedCode("bad_upce", `${code} is not a UPC-E`);
  }
  const ns = code[0], d = code.slice(1, 6), last = code[6];
  let body;
  if ("012".includes(last)) body = `${ns}${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === "3") body = `${ns}${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === "4") body = `${ns}${d.slice(0, 4)}00000${d[4]}`;
  else body = `${ns}${d}0000${last}`;
  const check = checkDigit(body);
  if (code.length === 8 && Number(code[7]) !== check) {
    throw new MalformedCode("bad_check_digit", `check digit of UPC-E ${code} should be ${check}`, check);
  }
  return body + check;
}

// Application identifiers with a fixed data length (GS1 General Specifications, figure 7.8.5-2).
const FIXED = { "00": 18, "01": 14, "02": 14, "03": 14, "04": 16, "11": 6, "12": 6, "13": 6, "14": 6,
  "15": 6, "16": 6, "17": 6, "18": 6, "19": 6, "20": 2, "31": 6, "32": 6, "33": 6, "34": 6, "35": 6,
  "36": 6, "41": 13 };

function aiLength(s) {
  const two = s.slice(0, 2);
  if (/^(2[3-5]|4[0-2])/.test(two)) return 3;
  if (/^(3[1-69]|7[0-9]|8[0-9])/.test(two)) return 4;
  return 2;
}

/** GS1 element string ("01...10LOT<GS>17...") or HRI ("(01)...(10)LOT") to {ai: value}. */
export function parseElements(text) {
  const out = {};
  if (text.startsWith("(")) {
    const re = /\((\d{2,4})\)([^(]*)/g;
    let m;
    while ((m = re.exec(text))) out[m[1]] = m[2];
    return out;
  }
  let rest = text;
  while (rest.length) {
    const n = aiLength(rest);
    const ai = rest.slice(0, n);
    if (!digitsOnly(ai) || ai.length < n) throw new MalformedCode("bad_gs1", "not a GS1 element string");
    const fixed = FIXED[ai.slice(0, 2)];
    let value;
    if (fixed) {
      value = rest.slice(n, n + fixed);
      rest = rest.slice(n + fixed);
      if (value.length < fixed) throw new MalformedCode("bad_gs1", `AI ${ai} is too short`);
    } else {
      const end = rest.indexOf(GS, n);
      value = end < 0 ? rest.slice(n) : rest.slice(n, end);
      rest = end < 0 ? "" : rest.slice(end);
    }
    out[ai] = value;
    while (rest.startsWith(GS)) rest = rest.slice(1);
  }
  return out;
}

function gs1Date(yymmdd) {
  if (!yymmdd || yymmdd.length !== 6) return null;
  const year = 2000 + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day === 0) day = new Date(Date.UTC(year, month, 0)).getUTCDate();  // "00" = end of month
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fromElements(elements, base) {
  const gtin = elements["01"] || elements["02"] || null;
  if (gtin) toGtin14(gtin);  // throws on a misread
  return { ...base, kind: "gs1", keys: gtin ? [gtin] : [], gtin, lot: elements["10"] || null,
    expiry: gs1Date(elements["17"]), serial: elements["21"] || null,
    count: elements["37"] || elements["30"] ? Number(elements["37"] || elements["30"]) : null };
}

/** Classify one code: {kind: gtin|gs1|text, keys (lookup keys, most specific first), gtin, lot, expiry}. */
export function parseCode(raw, symbology = null) {
  const code = normaliseCode(raw);
  if (!code) throw new MalformedCode("empty", "empty code");
  if (code.length > MAX_LENGTH) throw new MalformedCode("too_long", "code too long");
  if (CONTROL.test(code)) throw new MalformedCode("bad_characters", "control characters in code");
  let body = code;
  let identifier = null;
  const m = IDENTIFIER.exec(code);
  if (m) { identifier = m[1] + m[2]; body = code.slice(3); }
  const gs1Expected = GS1_IDENTIFIERS.has(identifier) || body.startsWith(GS);
  body = body.replace(/^\x1d+/, "");
  const format = symbology ? symbology.replace(/[^a-z0-9]/gi, "").toLowerCase() : null;
  // Codabar's start and stop characters (A-D) frame the data; the shop's records hold only the data.
  if (format === "codabar") body = body.replace(/^[A-D](.+)[A-D]$/i, "$1");
  const base = { raw: code, symbology };
  if (/^https?:\/\//i.test(body)) {
    const link = /\/01\/(\d{8,14})(?:[/?#]|$)/.exec(body);
    if (!link) return { ...base, kind: "text", keys: [body] };
    const elements = { "01": link[1].padStart(14, "0") };
    const lot = /\/10\/([^/?#]+)/.exec(body);
    if (lot) elements["10"] = decodeURIComponent(lot[1]);
    return fromElements(elements, base);
  }
  if (gs1Expected || body.includes(GS) || /^\(\d{2,4}\)/.test(body)) {
    try {
      return fromElements(parseElements(body), base);
    } catch (err) {
      if (err.reason === "bad_check_digit") throw err;
      return { ...base, kind: "gs1", keys: [body] };  // let the server's full parser decide
    }
  }
  const digits = body.normalize("NFKC");
  // The detector's format decides the check, not the length: a Code 128 or Codabar of digits is a GTIN only
  // when its check digit agrees (ITF-14 always is one); a wedge or typed code (no format) is judged by length.
  if (digitsOnly(digits) && format && !RETAIL.has(format) && !(format.startsWith("itf") && digits.length === 14)) {
    if (isValidGtin(digits)) {
      const key = toGtin14(digits);
      return { ...base, kind: "gtin", keys: [key], gtin: key };
    }
  } else if (digitsOnly(digits)) {
    const upce = format === "upce";
    if (upce && digits.length <= 8) return { ...base, kind: "gtin", keys: [toGtin14(expandUpce(digits))] };
    if (digits.length === 8 && format !== "ean8" && !isValidGtin(digits)) {
      return { ...base, kind: "gtin", keys: [toGtin14(expandUpce(digits))] };
    }
    if (GTIN_LENGTHS.has(digits.length)) {
      const key = toGtin14(digits);
      return { ...base, kind: "gtin", keys: [key], gtin: key };
    }
  }
  if (/^01\d{14}/.test(body)) {
    try { return fromElements(parseElements(body), base); } catch (err) {
      if (err.reason === "bad_check_digit") throw err;
    }
  }
  return { ...base, kind: "text", keys: [body] };
}
