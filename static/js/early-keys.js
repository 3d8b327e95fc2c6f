// Keys pressed before static/js/scanner.js listens (a scanner burst as the page opens) are kept for it.
// A classic script at the top of <body> (not a module), so it runs before the rest of the page is parsed.
window.earlyKeys = { keys: [], listen: (e) => { if (window.earlyKeys.keys.length < 500) window.earlyKeys.keys.push({
  key: e.key, code: e.code, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, isComposing: e.isComposing,
  timeStamp: e.timeStamp, target: e.target, value: e.target.value, preventDefault() {}, stopPropagation() {} }); } };
document.addEventListener("keydown", window.earlyKeys.listen, true);
