// Behaviour every page shares, kept out of the templates so the CSP needs no inline script.
document.addEventListener("click", function (event) {
  const back = event.target.closest("[data-history-back]");
  if (back && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});

// Every page: the phone menu, the "session expired" notice for HTMX calls and the login dialog that
// renews the session without leaving (or losing) the page.
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".menu-toggle");
  const nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      document.body.classList.toggle("menu-open", open);
    });
  }

  // A 401 from an HTMX call carries a notice meant for the panel: show it instead of dropping it.
  document.body.addEventListener("htmx:beforeSwap", (event) => {
    const xhr = event.detail.xhr;
    // A notice already shown stays as it is: replacing it again would move the button from under
    // the pointer of a user reaching for it (a click then lands on nothing).
    const shown = event.detail.target && event.detail.target.querySelector("[data-testid=session-expired]");
    const expired = xhr && (xhr.status === 401 || (xhr.responseURL && new URL(xhr.responseURL).pathname === "/login"));
    if (shown && expired) {
      event.detail.shouldSwap = false;
      return;
    }
    if (xhr && xhr.status === 401) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      return;
    }
    // Sent to the login page instead (a proxy, or a guard in front of the app): show the notice,
    // never the login page inside the panel.
    const template = document.getElementById("session-expired-template");
    if (xhr && template && xhr.responseURL && new URL(xhr.responseURL).pathname === "/login") {
      event.detail.shouldSwap = false;
      event.detail.target.replaceChildren(template.content.cloneNode(true));
    }
  });

  // Drafts of new tables are removed once the table has been created.
  if (document.querySelector("[data-clear-new-drafts]")) {
    Object.keys(localStorage)
      .filter((key) => key.startsWith("jixiao-draft:/tables/new"))
      .forEach((key) => localStorage.removeItem(key));
  }

  const dialog = document.getElementById("relogin");
  const form = document.getElementById("relogin-form");
  if (!dialog || !form) return;
  const error = document.getElementById("relogin-error");
  document.body.addEventListener("click", (event) => {
    if (event.target.closest("[data-open-login]")) {
      error.hidden = true;
      dialog.showModal();
      form.querySelector("input[name=password]").focus();
    }
  });
  document.getElementById("relogin-cancel").addEventListener("click", () => dialog.close());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let response;
    try {
      response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
    } catch (failure) {
      error.textContent = "无法连接服务器，请稍后再试。";
      error.hidden = false;
      return;
    }
    const text = await response.text();
    const page = new DOMParser().parseFromString(text, "text/html");
    if (!response.ok || new URL(response.url).pathname === "/login") {
      const message = page.querySelector("[data-testid=error]");
      error.textContent = message ? message.textContent : "登录失败，请检查用户名和密码。";
      error.hidden = false;
      return;
    }
    // The new session may come with a new CSRF token: take it from the page the login led to.
    const token = page.querySelector("input[name=csrf_token]");
    if (token) {
      document.querySelectorAll("input[name=csrf_token]").forEach((input) => { input.value = token.value; });
      document.body.setAttribute("hx-headers", JSON.stringify({ "X-CSRF-Token": token.value }));
    }
    form.querySelector("input[name=password]").value = "";
    dialog.close();
    document.dispatchEvent(new CustomEvent("jixiao:relogin"));
  });
});

// Buttons that change what others see (通过, 公开, 撤回) ask first: data-confirm holds the question.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const question = button && button.dataset ? button.dataset.confirm : null;
  if (question && !window.confirm(question)) event.preventDefault();
}, true);
