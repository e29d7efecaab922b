// One-click tag suggestions: put the tag into the form's autocomplete field without
// reloading the page, so nothing the editor typed is lost. Without JavaScript the
// buttons post to the server instead.
"use strict";
document.addEventListener("click", (event) => {
  const button = event.target.closest(".wire-add-tag");
  if (!button) return;
  const select = document.getElementById(`id_${button.dataset.field}`);
  if (!select) return;
  event.preventDefault();
  let option = Array.from(select.options).find((o) => o.value === button.dataset.key);
  if (!option) {
    option = new Option(button.dataset.name, button.dataset.key, true, true);
    select.append(option);
  }
  option.selected = true;
  if (window.django && window.django.jQuery) {
    window.django.jQuery(select).trigger("change");
  } else {
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }
  button.replaceWith(Object.assign(document.createElement("span"), {
    className: "applied pending",
    textContent: "✓ added — save to keep",
  }));
});
