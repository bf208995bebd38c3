// Runs: a filterable, paged table that follows the live stream, and the run detail with its state
// timeline, live log, result, metrics, error with the failing line highlighted in the script, cancel,
// and live introspection (current line; the call stack on request).

import { get, post } from "./api.js";
import * as live from "./live.js";
import { can } from "./roles.js";
import { stackPanel } from "./stack.js";
import { h, stateBadge, when, time, duration, bytes, count, showError, debounce } from "./ui.js";

const STATES = ["QUEUED", "RUNNING", "PARKED", "SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT"];
const PAGE_SIZE = 25;
const ACTIVE = new Set(["QUEUED", "RUNNING", "PARKED"]);

export async function runsView() {
  const query = new URLSearchParams(location.hash.split("?")[1] || "");
  const tasks = await get("/api/tasks");
  const taskFilter = h("select#filter-task", h("option", { value: "" }, "all tasks"),
    tasks.map((t) => h("option", { value: t.id, selected: String(t.id) === query.get("task") }, t.name)));
  const stateFilter = h("select#filter-state", h("option", { value: "" }, "all states"),
    STATES.map((s) => h("option", { value: s, selected: s === query.get("state") }, s)));
  const body = h("tbody");
  const pageInfo = h("span.muted");
  const prev = h("button#prev-page", "Newer");
  const next = h("button#next-page", "Older");
  let page = 0;
  const rowsById = new Map();

  function row(r, fresh) {
    const tr = h("tr.link" + (fresh ? ".fresh" : ""), { dataset: { run: r.id, state: r.state }, onclick: () => { location.hash = `#/runs/${r.id}`; } },
      h("td", h("a", { href: `#/runs/${r.id}` }, `#${r.id}`)), h("td", `${r.taskName} v${r.taskVersion}`),
      h("td.state-cell", stateBadge(r.state)), h("td", `${r.trigger.toLowerCase()}${r.triggeredBy ? ` · ${r.triggeredBy}` : ""}`),
      h("td", when(r.queuedAt)), h("td", r.startedAt ? duration(r.startedAt, r.endedAt) : ""),
      h("td", r.error ? r.error.message : ""));
    rowsById.set(r.id, tr);
    return tr;
  }

  async function load(highlightNew) {
    const params = new URLSearchParams({ page, size: PAGE_SIZE });
    if (taskFilter.value) params.set("task", taskFilter.value);
    if (stateFilter.value) params.set("state", stateFilter.value);
    const result = await get(`/api/runs?${params}`);
    const known = new Set(rowsById.keys());
    rowsById.clear();
    body.replaceChildren(...(result.content.length ? result.content.map((r) => row(r, highlightNew && !known.has(r.id)))
      : [h("tr", h("td.muted", { colSpan: 7 }, "No runs match."))]));
    pageInfo.textContent = `page ${page + 1} of ${Math.max(1, result.totalPages)} · ${count(result.totalElements)} runs`;
    prev.disabled = page === 0;
    next.disabled = page + 1 >= result.totalPages;
  }
  const reloadSoon = debounce(() => load(true).catch(showError), 300);

  const onFilter = () => {
    page = 0;
    load(false).catch(showError);
  };
  taskFilter.addEventListener("change", onFilter);
  stateFilter.addEventListener("change", onFilter);
  prev.addEventListener("click", () => { page--; load(false).catch(showError); });
  next.addEventListener("click", () => { page++; load(false).catch(showError); });

  const stops = [
    live.on("run-state", (e) => {
      const tr = rowsById.get(e.runId);
      if (tr && !stateFilter.value) {
        tr.dataset.state = e.to;
        tr.querySelector(".state-cell").replaceChildren(stateBadge(e.to));
        if (!ACTIVE.has(e.to)) reloadSoon();
      } else if (page === 0 && (!taskFilter.value || Number(taskFilter.value) === e.taskId)
          && (!stateFilter.value || stateFilter.value === e.to || tr)) {
        reloadSoon();
      }
    }),
    live.on("resync", reloadSoon),
  ];
  await load(false);
  const element = h("section.panel",
    h("div.actions", h("h2", { style: "flex:1;margin:0" }, "Runs"), taskFilter, stateFilter),
    h("table#runs", h("thead", h("tr", ["Run", "Task", "State", "Trigger", "Queued", "Duration", "Error"].map((c) => h("th", c)))), body),
    h("div.pager", prev, next, pageInfo));
  return { element, leave: () => stops.forEach((s) => s()) };
}

export async function runDetailView(id) {
  let run = await get(`/api/runs/${id}`);
  const version = await get(`/api/tasks/${run.taskId}/versions/${run.taskVersion}`);

  const stateEl = h("span#run-state");
  const timeline = h("ul.timeline#timeline");
  const metrics = h("dl.metrics#metrics");
  const result = h("div#run-result");
  const errorBox = h("div.panel#run-error");
  const logBox = h("div.log#run-log");
  const currentLine = h("span#current-line.mono", "—");
  const cancel = can("OPERATOR") ? h("button.danger#cancel", { type: "button" }, "Cancel run") : null;
  const stack = stackPanel(id, `${run.taskName}.lua`, (line) => markLine(line, "cm-stack-line"));
  const introspection = h("section.panel#introspection", h("h3", "Live"),
    h("p", "Current line: ", currentLine), stack.button, stack.frames);
  const scriptBox = h("div#run-script");
  const transitions = [];
  let flips = 0;

  function render() {
    stateEl.replaceChildren(stateBadge(run.state));
    if (cancel) cancel.hidden = !ACTIVE.has(run.state);
    introspection.hidden = !ACTIVE.has(run.state);
    if (!transitions.length) {
      transitions.push(["QUEUED", run.queuedAt]);
      if (run.startedAt) transitions.push(["RUNNING", run.startedAt]);
      if (run.endedAt) transitions.push([run.state, run.endedAt]);
      else if (run.state === "PARKED") transitions.push(["PARKED", null]);
    }
    const items = transitions.map(([s, at]) => h("li", stateBadge(s), " ", h("span.muted", time(at))));
    if (flips > 0) items.splice(2, 0, h("li.muted", `parked and resumed ${flips}×`));
    timeline.replaceChildren(...items);
    metrics.replaceChildren(
      h("dt", "Task"), h("dd", h("a", { href: `#/tasks/${run.taskId}` }, `${run.taskName} v${run.taskVersion}`)),
      h("dt", "Trigger"), h("dd", `${run.trigger.toLowerCase()}${run.triggeredBy ? ` by ${run.triggeredBy}` : ""}${run.scheduleId ? ` (schedule ${run.scheduleId})` : ""}`),
      h("dt", "Attempt"), h("dd", String(run.attempt)),
      h("dt", "Queued"), h("dd", when(run.queuedAt)),
      h("dt", "Duration"), h("dd", run.startedAt ? duration(run.startedAt, run.endedAt) : "—"),
      h("dt", "Fuel used"), h("dd", count(run.fuelUsed)),
      h("dt", "Peak memory"), h("dd", bytes(run.peakMemory)),
      h("dt", "Parameters"), h("dd.mono", JSON.stringify(run.parameters ?? {})));
    result.replaceChildren(run.results == null ? h("span.muted", ACTIVE.has(run.state) ? "not finished yet" : "no value")
      : h("pre", JSON.stringify(run.results, null, 2)));
    errorBox.hidden = !run.error;
    if (run.error) {
      errorBox.replaceChildren(h("h3", "Error"),
        h("div.banner.error#error-message", run.error.message, run.error.line ? ` (line ${run.error.line})` : ""),
        run.error.traceback && h("pre#traceback", run.error.traceback));
    }
    markLine(run.error && run.error.line, "cm-failing-line");
  }

  const cm = CodeMirror(scriptBox, { value: version.source, mode: "lua", lineNumbers: true, readOnly: true, viewportMargin: Infinity });
  cm.getWrapperElement().classList.add("readonly");
  const lineMarks = {};
  function markLine(line, cls) {
    if (lineMarks[cls] != null) cm.removeLineClass(lineMarks[cls], "background", cls);
    lineMarks[cls] = null;
    if (line > 0 && line <= cm.lineCount()) {
      lineMarks[cls] = cm.addLineClass(line - 1, "background", cls);
      cm.scrollIntoView({ line: line - 1, ch: 0 }, 60);
    }
  }

  let lastSeq = 0;
  let loadingLog = true;
  const early = [];
  function appendLog(lines) {
    const atBottom = logBox.scrollTop + logBox.clientHeight >= logBox.scrollHeight - 4;
    for (const l of lines) {
      if (l.seq <= lastSeq) continue;
      lastSeq = l.seq;
      logBox.append(h("div." + (l.level || "INFO"), h("span.at", time(l.at)), l.line));
    }
    if (atBottom) logBox.scrollTop = logBox.scrollHeight;
  }
  async function loadLog() {
    for (;;) {
      const pageOfLines = await get(`/api/runs/${id}/logs?after=${lastSeq}&limit=1000`);
      appendLog(pageOfLines.lines);
      if (pageOfLines.lines.length < 1000) break;
    }
    loadingLog = false;
    appendLog(early.sort((a, b) => a.seq - b.seq));
    if (!logBox.childElementCount) logBox.append(h("div.muted.empty", "(no output yet)"));
  }

  const refetch = debounce(async () => {
    run = await get(`/api/runs/${id}`);
    render();
  }, 200);
  const stops = [
    live.on("run-state", (e) => {
      if (e.runId !== id) return;
      const last = transitions[transitions.length - 1];
      if (transitions.length > 2 && (e.to === "RUNNING" || e.to === "PARKED") && (last[0] === "RUNNING" || last[0] === "PARKED")) {
        // RUNNING ⇄ PARKED flips are counted, not listed: a sleeping robot makes many of them
        transitions[transitions.length - 1] = [e.to, e.at];
        flips++;
      } else {
        transitions.push([e.to, e.at]);
      }
      run.state = e.to;
      if (!ACTIVE.has(e.to)) markLine(null, "cm-current-line");
      render();
      refetch();
    }),
    live.on("run-log", (e) => {
      if (e.runId !== id) return;
      logBox.querySelector(".empty")?.remove();
      if (loadingLog) early.push(e);
      else appendLog([e]);
    }),
    live.on("vm-stats", (e) => {
      if (e.runId !== id) return;
      currentLine.textContent = `${e.line > 0 ? e.line : "?"}${e.parkReason ? ` (parked: ${e.parkReason})` : ""} · depth ${e.callDepth} · fuel ${count(e.fuelUsed)}`;
      markLine(e.line, "cm-current-line");
    }),
    live.on("resync", refetch),
  ];
  if (cancel) {
    cancel.addEventListener("click", async () => {
      try {
        run = await post(`/api/runs/${id}/cancel`);
        render();
      } catch (e) {
        showError(e);
      }
    });
  }

  const element = h("div.run-detail",
    h("div.actions", h("h2", { style: "flex:1;margin:0" }, `Run #${run.id} · ${run.taskName} `, stateEl), cancel),
    timeline,
    h("div.row",
      h("div.grow",
        errorBox,
        h("section.panel", h("h3", `Script (v${run.taskVersion})`), scriptBox),
        h("section.panel", h("h3", "Log"), logBox)),
      h("div", { style: "width:360px" },
        introspection,
        h("section.panel", h("h3", "Metrics"), metrics),
        h("section.panel", h("h3", "Return value"), result))));
  render();
  return {
    element,
    shown() {
      cm.refresh();
      render();
      refetch(); // what changed between the first read and the subscriptions
      loadLog().catch(showError);
    },
    leave: () => stops.forEach((s) => s()),
  };
}
