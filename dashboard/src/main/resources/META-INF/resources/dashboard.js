// The plain dashboard: who is logged in, the tasks, and the most recent runs, refreshed every few seconds.

const REFRESH_MILLIS = 5000;

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (response.status === 401) {
    window.location.assign("/login");
    throw new Error("not logged in");
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.message || `${path}: HTTP ${response.status}`);
  }
  return response.json();
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  if (className) {
    td.className = className;
  }
  return td;
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : "";
}

function fill(tableId, rows) {
  const body = document.querySelector(`#${tableId} tbody`);
  body.replaceChildren(...rows.map((cells) => {
    const tr = document.createElement("tr");
    tr.append(...cells);
    return tr;
  }));
}

function showTasks(tasks) {
  fill("tasks", tasks.map((t) => [
    cell(t.name), cell(String(t.version)), cell(t.description), cell(t.overlapPolicy), cell(when(t.updatedAt)),
  ]));
}

function showRuns(page) {
  fill("runs", page.content.map((r) => [
    cell(String(r.id)), cell(`${r.taskName} v${r.taskVersion}`), cell(r.state, `state-${r.state}`),
    cell(r.triggeredBy), cell(when(r.queuedAt)), cell(when(r.endedAt)), cell(r.error ? r.error.message : ""),
  ]));
}

function showError(error) {
  const banner = document.getElementById("error");
  banner.textContent = error ? error.message : "";
  banner.hidden = !error;
}

async function refresh() {
  try {
    const [tasks, runs] = await Promise.all([getJson("/api/tasks"), getJson("/api/runs?size=20")]);
    showTasks(tasks);
    showRuns(runs);
    showError(null);
  } catch (error) {
    showError(error);
  }
}

function csrfToken() {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("XSRF-TOKEN="));
  return cookie ? decodeURIComponent(cookie.substring("XSRF-TOKEN=".length)) : "";
}

async function logout() {
  await fetch("/logout", { method: "POST", headers: { "X-XSRF-TOKEN": csrfToken() } });
  window.location.assign("/login?logout");
}

async function start() {
  document.getElementById("logout").addEventListener("click", logout);
  const me = await getJson("/api/me");
  document.getElementById("user").textContent = `${me.username} (${me.role})`;
  await refresh();
  setInterval(refresh, REFRESH_MILLIS);
}

start().catch(showError);
