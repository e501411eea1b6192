// Refreshes the parts of a console page that carry data-refresh-url, without a reload.
// The server renders each part as an HTML fragment with every value escaped.
"use strict";

function refreshPart(element) {
  const url = element.dataset.refreshUrl;
  const seconds = Number(element.dataset.refreshSeconds) || 5;
  const status = document.querySelector(`[data-refresh-status-for="${element.id}"]`);

  async function update() {
    if (document.hidden) {
      return;
    }
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
    } catch (error) {
      if (status) status.textContent = "更新できませんでした。接続を確かめてください。";
      return;
    }
    // A redirect means that the session ended, so a reload shows the login page.
    if (response.redirected || response.status === 401 || response.status === 403) {
      window.location.reload();
      return;
    }
    if (!response.ok) {
      if (status) status.textContent = `更新できませんでした（HTTP ${response.status}）。`;
      return;
    }
    const html = await response.text();
    // The new HTML has every <details> folded, so unfold again the ones the counselor opened.
    const opened = Array.from(element.querySelectorAll("details[open][id]"), (node) => node.id);
    element.innerHTML = html;
    for (const id of opened) {
      const details = document.getElementById(id);
      if (details && element.contains(details)) details.open = true;
    }
    // Counselors work on Japan time, whatever the browser's time zone is.
    const time = new Date().toLocaleTimeString("ja-JP", { timeZone: "Asia/Tokyo" });
    if (status) status.textContent = `最終更新 ${time}`;
  }

  window.setInterval(update, seconds * 1000);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) update();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-refresh-url]").forEach(refreshPart);
});
