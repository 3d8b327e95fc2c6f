// The item photo form: a picked or just-taken photo is made smaller in the browser (a phone's 12 MP
// picture is several MB; the server takes 4 MB at most and keeps 800 px) and sent at once.
const MAX_SIDE = 1600;
const SHRINK_OVER = 1_500_000; // bytes: smaller files are sent as they are

const i18n = JSON.parse(document.getElementById("photo-i18n")?.textContent || "{}");

async function shrink(file) {
  if (file.size <= SHRINK_OVER || !("createImageBitmap" in window)) return file;
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
  return blob ? new File([blob], "photo.jpg", { type: "image/jpeg" }) : file;
}

for (const input of document.querySelectorAll("[data-photo-input]")) {
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const form = input.form;
    const status = form.querySelector("[data-photo-status]");
    if (status) status.textContent = i18n.shrinking || "";
    let sent = file;
    try {
      sent = await shrink(file);
    } catch {
      sent = file; // the server says why if it is no photo at all
    }
    const data = new DataTransfer();
    data.items.add(sent);
    for (const other of form.querySelectorAll("[data-photo-input]")) if (other !== input) other.disabled = true;
    input.files = data.files;
    if (status) status.textContent = i18n.sending || "";
    form.submit();
  });
}
