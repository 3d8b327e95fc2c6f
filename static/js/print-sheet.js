// The badge sheet's Print button (a module, not an inline handler).
document.getElementById("print-sheet").addEventListener("click", () => window.print());
