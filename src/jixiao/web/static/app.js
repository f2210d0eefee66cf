// Behaviour every page shares, kept out of the templates so the CSP needs no inline script.
document.addEventListener("click", function (event) {
  const back = event.target.closest("[data-history-back]");
  if (back && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
