// The mail server form: the port follows the security choice while it still holds a usual port
// (25, 587, 465), so choosing STARTTLS does not leave port 25 behind; a port typed by hand stays.
const form = document.querySelector("form.mail-server");
const data = document.getElementById("mail-default-ports");
if (form && data) {
  const ports = JSON.parse(data.textContent);
  const usual = Object.values(ports);
  const security = form.elements.smtp_security;
  const port = form.elements.smtp_port;
  security.addEventListener("change", () => {
    if (!port.value || usual.includes(Number(port.value))) port.value = String(ports[security.value]);
  });
}
