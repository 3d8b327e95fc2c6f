// Set-up rows saved in place: a refused change (422) comes back as the row with its message, so show it.
document.body.addEventListener("htmx:beforeSwap", (event) => {
  const { xhr, elt } = event.detail;
  if (xhr.status === 422 && elt.closest("[data-swap-refusals]")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
// Settling copies "style" attributes across a swap, which the Content-Security-Policy (no inline styles) refuses.
window.htmx.config.attributesToSettle = ["class", "width", "height"];
