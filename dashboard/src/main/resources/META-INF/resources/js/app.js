// Entry point: who is logged in, the hash router (#/farm, #/tasks/3, #/runs/42, ...), the live stream.

import { get, logout } from "./api.js";
import { connect } from "./live.js";
import { showError } from "./ui.js";
import { setUser, applyRoleVisibility } from "./roles.js";
import { farmView } from "./farm.js";
import { tasksView, taskEditorView } from "./tasks.js";
import { schedulesView } from "./schedules.js";
import { runsView, runDetailView } from "./runs.js";
import { usersView } from "./users.js";

const routes = [
  [/^\/?$/, () => farmView()],
  [/^\/farm$/, () => farmView()],
  [/^\/tasks$/, () => tasksView()],
  [/^\/tasks\/new$/, () => taskEditorView(null)],
  [/^\/tasks\/(\d+)$/, (id) => taskEditorView(Number(id))],
  [/^\/schedules$/, () => schedulesView()],
  [/^\/runs$/, () => runsView()],
  [/^\/runs\/(\d+)$/, (id) => runDetailView(Number(id))],
  [/^\/users$/, () => usersView()],
];

let leaveCurrent = null;
let generation = 0;

async function route() {
  const mine = ++generation;
  const path = location.hash.replace(/^#/, "").split("?")[0];
  if (leaveCurrent) {
    leaveCurrent();
    leaveCurrent = null;
  }
  showError(null);
  const view = document.getElementById("view");
  view.replaceChildren();
  for (const a of document.querySelectorAll("#nav a")) {
    a.classList.toggle("active", path.startsWith("/" + a.dataset.route) || (a.dataset.route === "farm" && path <= "/"));
  }
  const match = routes.map(([re, make]) => [path.match(re), make]).find(([m]) => m);
  if (!match) {
    showError(new Error(`No page at #${path}`));
    return;
  }
  try {
    const mounted = await match[1](...match[0].slice(1));
    if (mine !== generation) {
      // the user moved on while this page was loading
      if (mounted.leave) mounted.leave();
      return;
    }
    view.replaceChildren(mounted.element);
    applyRoleVisibility(view);
    leaveCurrent = mounted.leave || null;
    if (mounted.shown) mounted.shown();
  } catch (e) {
    if (mine === generation) showError(e);
  }
}

async function start() {
  const me = await get("/api/me");
  setUser(me);
  document.getElementById("who").textContent = `${me.username} (${me.role})`;
  document.getElementById("logout").addEventListener("click", logout);
  applyRoleVisibility(document);
  connect();
  window.addEventListener("hashchange", route);
  await route();
}

start().catch(showError);
