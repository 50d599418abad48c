// The paste box: send the page to POST /api/analyze, then show the Story it returns as a
// story page (rendered by the server, so every string is escaped there). Without
// JavaScript the form posts to /analyze and the server does both steps.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("analyze-form");
  const view = document.getElementById("analyze-view");
  if (!form || !view) return;
  const status = document.getElementById("analyze-status");
  const button = document.getElementById("analyze-submit");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    status.textContent = "Analysing…";
    button.disabled = true;
    try {
      const response = await fetch("/api/analyze", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({
          content: fields.get("content") || "",
          kind: fields.get("kind") || "auto",
          url: fields.get("url") || null,
        }),
      });
      const data = await response.json();
      if (!response.ok) {
        status.textContent = data.error ? data.error.message : "The page could not be analysed.";
        return;
      }
      view.elements.story.value = JSON.stringify(data);
      view.submit();
    } catch (error) {
      status.textContent = "The server could not be reached.";
    } finally {
      button.disabled = false;
    }
  });
});

// Entity links: each list of them (the story's text, the entity list, the speakers) is one
// tab stop; the arrow keys, Home and End move within it. Without JavaScript every link is
// a tab stop, as plain HTML has it.
function roveWithin(container, selector) {
  const items = Array.from(container.querySelectorAll(selector));
  if (items.length < 2) return;
  const select = (chosen) => items.forEach((item) => { item.tabIndex = item === chosen ? 0 : -1; });
  select(items[0]);
  container.addEventListener("focusin", (event) => {
    if (items.includes(event.target)) select(event.target);
  });
  container.addEventListener("keydown", (event) => {
    const at = items.indexOf(document.activeElement);
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1,
                    Home: 0, End: items.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = items[Math.max(0, Math.min(items.length - 1, moves[event.key]))];
    select(next);
    next.focus();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-rove]").forEach((list) => roveWithin(list, list.dataset.rove));
});
