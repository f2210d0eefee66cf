// The editor: add and remove indicator rows; the form's own HTMX attributes re-run the review.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.querySelector("#indicator-rows tbody");
  const template = document.getElementById("row-template");
  const form = document.getElementById("editor");
  if (!body || !template || !form) return;
  const changed = () => form.dispatchEvent(new Event("change", { bubbles: true }));
  document.getElementById("add-row").addEventListener("click", () => {
    body.appendChild(template.content.cloneNode(true));
    body.lastElementChild.querySelector("input").focus();
  });
  body.addEventListener("click", (event) => {
    const button = event.target.closest(".remove-row");
    if (!button) return;
    button.closest("tr").remove();
    changed();
  });
});
