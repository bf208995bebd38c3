// Tasks: the list with each task's last run, and the editor (CodeMirror with Lua highlighting) where
// "Check" and "Save" show compile errors at their line, with parameters, limits, policies, modules,
// version history and "Run now" with a form for the declared parameters.

import { get, post, put, del, ApiError } from "./api.js";
import * as live from "./live.js";
import { can } from "./roles.js";
import { h, stateBadge, when, showError } from "./ui.js";

const NEW_TASK_SOURCE = `-- A robot script in Lua 5.4. Run parameters arrive as the chunk's first argument.
local params = ... or {}
print("hello from " .. (params.name or "a robot"))
return { ok = true }
`;

export async function tasksView() {
  const [tasks, recent] = await Promise.all([get("/api/tasks"), get("/api/runs?size=500")]);
  const lastRun = new Map();
  for (const run of recent.content) if (!lastRun.has(run.taskId)) lastRun.set(run.taskId, run);
  const stateCells = new Map();
  const rows = tasks.map((t) => {
    const run = lastRun.get(t.id);
    const stateCell = h("td", run ? h("a", { href: `#/runs/${run.id}` }, stateBadge(run.state)) : h("span.muted", "never run"));
    stateCells.set(t.id, stateCell);
    return h("tr.link", { dataset: { task: t.name }, onclick: (e) => {
      if (!e.target.closest("a")) location.hash = `#/tasks/${t.id}`;
    } },
    h("td", h("a", { href: `#/tasks/${t.id}` }, t.name)), h("td", `v${t.version}`), h("td", t.description),
    h("td", t.overlapPolicy), h("td", (t.modules || []).join(", ")), stateCell, h("td", when(t.updatedAt)));
  });
  const stop = live.on("run-state", (e) => {
    const cell = stateCells.get(e.taskId);
    if (cell) cell.replaceChildren(h("a", { href: `#/runs/${e.runId}` }, stateBadge(e.to)));
  });
  const element = h("section.panel",
    h("div.actions", h("h2", { style: "flex:1;margin:0" }, "Tasks"),
      can("DEVELOPER") && h("a.button#new-task", { href: "#/tasks/new" }, "New task")),
    h("table#tasks",
      h("thead", h("tr", ["Name", "Version", "Description", "Overlap", "Modules", "Last run", "Updated"].map((c) => h("th", c)))),
      h("tbody", rows.length ? rows : h("tr", h("td.muted", { colSpan: 7 }, "No tasks yet.")))));
  return { element, leave: stop };
}

export async function taskEditorView(id) {
  const task = id == null ? null : await get(`/api/tasks/${id}`);
  const editable = can("DEVELOPER");
  const def = task || { name: "", description: "", source: NEW_TASK_SOURCE, parameters: [],
    limits: { memoryBytes: 16 << 20, fuel: 1_000_000_000, timeoutSeconds: 300, maxConcurrentRuns: 1 },
    overlapPolicy: "SKIP", retry: { attempts: 0, backoffSeconds: 0 }, modules: [] };

  const field = (label, input) => h("label", h("span", label), input);
  const name = h("input#task-name", { value: def.name, required: true, disabled: !editable });
  const description = h("input#task-description", { value: def.description || "", disabled: !editable });
  const memory = h("input#limit-memory", { type: "number", min: 1, value: Math.round(def.limits.memoryBytes / (1 << 20)), disabled: !editable });
  const fuel = h("input#limit-fuel", { type: "number", min: 1000, value: def.limits.fuel, disabled: !editable });
  const timeout = h("input#limit-timeout", { type: "number", min: 1, value: def.limits.timeoutSeconds, disabled: !editable });
  const concurrent = h("input#limit-concurrent", { type: "number", min: 1, value: def.limits.maxConcurrentRuns, disabled: !editable });
  const overlap = h("select#overlap", { disabled: !editable }, ["SKIP", "QUEUE", "PARALLEL"].map((p) => h("option", { value: p, selected: p === def.overlapPolicy }, p)));
  const attempts = h("input#retry-attempts", { type: "number", min: 0, max: 100, value: def.retry.attempts, disabled: !editable });
  const backoff = h("input#retry-backoff", { type: "number", min: 0, value: def.retry.backoffSeconds, disabled: !editable });
  const modules = h("input#modules", { value: (def.modules || []).join(", "), placeholder: "log, time, json", disabled: !editable });
  const params = parameterTable(def.parameters || [], editable);
  const status = h("div#check-result");
  const editorBox = h("div#editor");

  const cm = CodeMirror(editorBox, { value: def.source, mode: "lua", lineNumbers: true, indentUnit: 2,
    readOnly: !editable, viewportMargin: Infinity });
  let marks = [];
  function clearMarks() {
    for (const m of marks) m();
    marks = [];
  }
  function markErrors(errors) {
    clearMarks();
    for (const err of errors) {
      const line = Math.max(0, Math.min(cm.lineCount() - 1, (err.line || 1) - 1));
      const handle = cm.addLineClass(line, "background", "cm-error-line");
      const widget = cm.addLineWidget(line, h("div.cm-error-widget", { dataset: { line: err.line } },
        `line ${err.line}${err.column ? `, column ${err.column}` : ""}: ${err.message.replace(/^[^:\n]*\.lua:\d+:\s*/, "")}`));
      marks.push(() => {
        cm.removeLineClass(handle, "background", "cm-error-line");
        widget.clear();
      });
    }
    if (errors.length) cm.scrollIntoView({ line: Math.max(0, errors[0].line - 1), ch: 0 }, 80);
  }
  function showStatus(ok, text) {
    status.className = `banner ${ok ? "ok" : "error"}`;
    status.textContent = text;
  }
  cm.on("change", () => {
    if (marks.length) clearMarks();
  });

  async function check() {
    const result = await post("/api/tasks/check", { name: name.value || "script", source: cm.getValue() });
    markErrors(result.errors);
    showStatus(result.valid, result.valid ? "No compile errors." : `${result.errors.length} compile error(s).`);
    return result.valid;
  }

  function definition() {
    return {
      name: name.value.trim(), description: description.value, source: cm.getValue(), parameters: params.values(),
      limits: { memoryBytes: Number(memory.value) * (1 << 20), fuel: Number(fuel.value), timeoutSeconds: Number(timeout.value),
        maxConcurrentRuns: Number(concurrent.value) },
      overlapPolicy: overlap.value, retry: { attempts: Number(attempts.value), backoffSeconds: Number(backoff.value) },
      modules: modules.value.split(",").map((m) => m.trim()).filter(Boolean),
    };
  }

  async function save() {
    showError(null);
    try {
      const saved = task ? await put(`/api/tasks/${task.id}`, definition()) : await post("/api/tasks", definition());
      clearMarks();
      if (!task) {
        location.hash = `#/tasks/${saved.id}`;
        return;
      }
      showStatus(true, `Saved version ${saved.version}.`);
      refreshVersions();
    } catch (e) {
      if (e instanceof ApiError && e.body.line) {
        markErrors([{ message: e.body.message, line: e.body.line, column: e.body.column }]);
        showStatus(false, "Not saved: the script does not compile.");
      } else {
        showStatus(false, `Not saved: ${e.message}`);
      }
    }
  }

  const versions = h("div#versions");
  async function refreshVersions() {
    if (!task) return;
    const list = await get(`/api/tasks/${task.id}/versions`);
    const source = h("pre#version-source", { hidden: true });
    versions.replaceChildren(h("table",
      h("thead", h("tr", h("th", "Version"), h("th", "Saved"), h("th", "By"))),
      h("tbody", list.slice().reverse().map((v) => h("tr.link", { onclick: async () => {
        const full = await get(`/api/tasks/${task.id}/versions/${v.version}`);
        source.textContent = full.source;
        source.hidden = false;
      } }, h("td", `v${v.version}`), h("td", when(v.savedAt)), h("td", v.savedBy))))), source);
  }

  const element = h("div.task-editor",
    h("div.actions", h("h2", { style: "flex:1;margin:0" }, task ? `Task ${task.name} (v${task.version})` : "New task"),
      editable && h("button#check", { type: "button", onclick: () => check().catch(showError) }, "Check"),
      editable && h("button.primary#save", { type: "button", onclick: save }, "Save"),
      task && editable && h("button.danger#delete", { type: "button", onclick: async () => {
        if (!confirm(`Delete task ${task.name}?`)) return;
        await del(`/api/tasks/${task.id}`).catch(showError);
        location.hash = "#/tasks";
      } }, "Delete")),
    status,
    h("div.row",
      h("div.grow",
        h("section.panel", h("div.form-grid", field("Name", name), field("Description", description)), editorBox),
        h("section.panel", h("h3", "Parameters"), params.element),
        h("section.panel", h("h3", "Limits and policies"), h("div.form-grid",
          field("Memory (MiB)", memory), field("Fuel (instructions)", fuel), field("Timeout (s)", timeout),
          field("Concurrent runs", concurrent), field("When a run is still active", overlap),
          field("Retry attempts", attempts), field("Retry backoff (s)", backoff), field("Granted modules", modules)))),
      task && h("div", { style: "width:340px" },
        can("OPERATOR") && runNowPanel(task),
        h("section.panel", h("h3", "Version history"), versions))));
  return {
    element,
    shown() {
      cm.refresh();
      refreshVersions().catch(showError);
    },
  };
}

function parameterTable(initial, editable) {
  const body = h("tbody");
  const types = ["STRING", "INTEGER", "NUMBER", "BOOLEAN"];
  function addRow(p = { name: "", type: "STRING", default: "", description: "" }) {
    const row = h("tr",
      h("td", h("input", { value: p.name, placeholder: "name", disabled: !editable })),
      h("td", h("select", { disabled: !editable }, types.map((t) => h("option", { value: t, selected: t === p.type }, t)))),
      h("td", h("input", { value: p.default ?? "", placeholder: "(required)", disabled: !editable })),
      h("td", h("input", { value: p.description || "", disabled: !editable })),
      h("td", editable && h("button", { type: "button", onclick: () => row.remove() }, "×")));
    body.append(row);
  }
  initial.forEach(addRow);
  return {
    element: h("div", h("table.params",
      h("thead", h("tr", h("th", "Name"), h("th", "Type"), h("th", "Default"), h("th", "Description"), h("th"))), body),
    editable && h("button#add-parameter", { type: "button", onclick: () => addRow() }, "Add parameter")),
    values: () => [...body.rows].map((r) => {
      const [n, t, d, desc] = r.querySelectorAll("input, select");
      return { name: n.value.trim(), type: t.value, default: d.value === "" ? null : d.value, description: desc.value };
    }).filter((p) => p.name),
  };
}

function runNowPanel(task) {
  const inputs = (task.parameters || []).map((p) => {
    const input = p.type === "BOOLEAN"
      ? h("select", { name: p.name }, h("option", { value: "" }, "(default)"), h("option", { value: "true" }, "true"), h("option", { value: "false" }, "false"))
      : h("input", { name: p.name, type: p.type === "STRING" ? "text" : "number", step: p.type === "NUMBER" ? "any" : "1",
        placeholder: p.default ?? "required" });
    return { p, input, element: h("label", h("span", `${p.name} (${p.type.toLowerCase()})${p.description ? ` — ${p.description}` : ""}`), input) };
  });
  const run = async () => {
    const parameters = {};
    for (const { p, input } of inputs) {
      if (input.value === "") continue;
      parameters[p.name] = p.type === "BOOLEAN" ? input.value === "true"
        : p.type === "STRING" ? input.value : Number(input.value);
    }
    try {
      const started = await post(`/api/tasks/${task.id}/runs`, { parameters });
      location.hash = `#/runs/${started.id}`;
    } catch (e) {
      showError(e);
    }
  };
  return h("section.panel#run-now-panel", h("h3", "Run now"), inputs.map((i) => i.element),
    h("button.primary#run-now", { type: "button", onclick: run }, "Run now"));
}
