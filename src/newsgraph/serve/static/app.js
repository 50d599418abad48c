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
