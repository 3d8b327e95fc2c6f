// The Print button of the badge sheet and the label sheet (a module, not an inline handler).
document.getElementById("print-sheet").addEventListener("click", () => window.print());
