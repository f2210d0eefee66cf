// The editor: indicator rows (add, add within a group, remove with undo), a copy of the form kept in
// the browser while typing (restored after an expired session or a closed tab), and a warning
// before leaving with unsaved changes. The form's own HTMX attributes re-run the review.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("editor");
  const body = document.querySelector("#indicator-rows tbody");
  const template = document.getElementById("row-template");
  if (!form || !body || !template) return;
  const key = "jixiao-draft:" + form.dataset.draftKey;
  const lockInput = form.querySelector("input[name=lock_version]");
  const lock = lockInput ? lockInput.value : "";
  const skip = new Set(["csrf_token", "lock_version", "source_id"]);
  let dirty = false;
  let leaving = false;

  const snapshot = () =>
    Array.from(form.elements)
      .filter((el) => el.name && !skip.has(el.name) && !el.disabled)
      .map((el) => [el.name, el.value]);
  const save = () => {
    try {
      localStorage.setItem(key, JSON.stringify({ lock, at: Date.now(), fields: snapshot() }));
    } catch (full) { /* storage full or disabled: the page itself still holds the text */ }
  };
  const review = () => form.dispatchEvent(new Event("change", { bubbles: true }));
  const touched = () => { dirty = true; save(); };

  const newRow = (level1 = "", level2 = "") => {
    const row = template.content.firstElementChild.cloneNode(true);
    row.querySelector("input[name=level1]").value = level1;
    row.querySelector("input[name=level2]").value = level2;
    return row;
  };

  const restore = (fields) => {
    const wanted = fields.filter(([name]) => name === "indicator").length;
    body.replaceChildren(...Array.from({ length: wanted }, () => newRow()));
    const byName = new Map();
    fields.forEach(([name, value]) => {
      if (!byName.has(name)) byName.set(name, []);
      byName.get(name).push(value);
    });
    byName.forEach((values, name) => {
      const inputs = Array.from(form.elements).filter((el) => el.name === name && !el.disabled);
      inputs.forEach((input, index) => { if (index < values.length) input.value = values[index]; });
    });
  };

  // A copy kept by this browser for this form and this saved version, different from the page: the
  // user typed it and it never reached the server.
  const original = snapshot();
  let kept = null;
  try { kept = JSON.parse(localStorage.getItem(key) || "null"); } catch (broken) { kept = null; }
  if (kept && kept.lock === lock && JSON.stringify(kept.fields) !== JSON.stringify(original)) {
    restore(kept.fields);
    dirty = true;
    const notice = document.getElementById("draft-restored");
    notice.hidden = false;
    document.getElementById("discard-draft").addEventListener("click", () => {
      localStorage.removeItem(key);
      leaving = true;
      window.location.reload();
    });
    review();
  } else if (kept && kept.lock !== lock) {
    localStorage.removeItem(key);  // saved since: the copy is older than the page
  }

  // After a failed save, the keyboard starts at the first field to correct.
  const invalid = form.querySelector("[aria-invalid=true]");
  if (invalid) invalid.focus();

  form.addEventListener("input", touched);
  form.addEventListener("submit", () => { leaving = true; save(); });
  window.addEventListener("beforeunload", (event) => {
    if (dirty && !leaving) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  document.addEventListener("jixiao:relogin", review);

  document.getElementById("add-row").addEventListener("click", () => {
    body.appendChild(newRow());
    body.lastElementChild.querySelector("input").focus();
    touched();
  });

  const undoBar = document.getElementById("undo-bar");
  const undoText = document.getElementById("undo-text");
  let removed = null;
  document.getElementById("undo-remove").addEventListener("click", () => {
    if (!removed) return;
    body.insertBefore(removed.row, removed.next && removed.next.parentNode === body ? removed.next : null);
    removed.row.querySelector("input[name=indicator]").focus();
    removed = null;
    undoBar.hidden = true;
    touched();
    review();
  });

  body.addEventListener("click", (event) => {
    const row = event.target.closest("tr");
    if (event.target.closest(".add-below")) {
      const added = newRow(row.querySelector("input[name=level1]").value, row.querySelector("input[name=level2]").value);
      row.after(added);
      added.querySelector("input[name=indicator]").focus();
      touched();
      return;
    }
    if (!event.target.closest(".remove-row")) return;
    const name = row.querySelector("input[name=indicator]").value || "（未命名）";
    removed = { row, next: row.nextElementSibling };
    row.remove();
    undoText.textContent = `已删除指标“${name}”。`;
    undoBar.hidden = false;
    undoBar.querySelector("button").focus();
    touched();
    review();
  });
});
