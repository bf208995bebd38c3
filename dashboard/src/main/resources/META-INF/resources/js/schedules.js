// Schedules: the list with pause / resume, and a form for cron, interval and one-shot schedules that
// previews the next fire times in the user's time zone while they type.

import { get, post, put, del } from "./api.js";
import { can } from "./roles.js";
import { h, when, showError, debounce, rerender } from "./ui.js";

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export async function schedulesView() {
  const [schedules, tasks] = await Promise.all([get("/api/schedules"), get("/api/tasks")]);
  const taskName = new Map(tasks.map((t) => [t.id, t.name]));
  const formBox = h("div");
  const editable = can("DEVELOPER");

  const describe = (s) => s.type === "CRON" ? `cron ${s.cron} (${s.timeZone || "UTC"})`
    : s.type === "INTERVAL" ? `every ${s.intervalSeconds} s` : `once at ${when(s.at)}`;
  const act = (path) => async () => {
    try {
      await post(path);
      rerender();
    } catch (e) {
      showError(e);
    }
  };
  const rows = schedules.map((s) => h("tr", { dataset: { schedule: s.name } },
    h("td", s.name), h("td", h("a", { href: `#/tasks/${s.taskId}` }, taskName.get(s.taskId) || `#${s.taskId}`)),
    h("td", describe(s)), h("td", s.paused ? h("span.state.CANCELLED", "paused") : h("span.state.RUNNING", "active")),
    h("td", when(s.nextFireTime)), h("td", when(s.previousFireTime)),
    h("td", editable && h("div.actions", { style: "margin:0" },
      s.paused ? h("button.resume", { onclick: act(`/api/schedules/${s.id}/resume`) }, "Resume")
        : h("button.pause", { onclick: act(`/api/schedules/${s.id}/pause`) }, "Pause"),
      h("button", { onclick: () => formBox.replaceChildren(scheduleForm(tasks, s)) }, "Edit"),
      h("button.danger", { onclick: async () => {
        if (!confirm(`Delete schedule ${s.name}?`)) return;
        await del(`/api/schedules/${s.id}`).catch(showError);
        rerender();
      } }, "Delete")))));

  const element = h("div",
    h("section.panel",
      h("div.actions", h("h2", { style: "flex:1;margin:0" }, "Schedules"),
        editable && h("button#new-schedule", { onclick: () => formBox.replaceChildren(scheduleForm(tasks, null)) }, "New schedule")),
      h("table#schedules",
        h("thead", h("tr", ["Name", "Task", "When", "Status", "Next fire", "Last fire", ""].map((c) => h("th", c)))),
        h("tbody", rows.length ? rows : h("tr", h("td.muted", { colSpan: 7 }, "No schedules yet."))))),
    formBox);
  return { element };
}

function scheduleForm(tasks, existing) {
  const s = existing || { name: "", taskId: tasks[0]?.id, type: "INTERVAL", cron: "0 0/5 * * * ?", timeZone: ZONE,
    intervalSeconds: 60, at: null, misfirePolicy: null, parameters: {}, priority: 0, paused: false };
  const name = h("input#schedule-name", { value: s.name });
  const task = h("select#schedule-task", tasks.map((t) => h("option", { value: t.id, selected: t.id === s.taskId }, t.name)));
  const type = h("select#schedule-type", [["CRON", "cron"], ["INTERVAL", "interval"], ["ONCE", "one-shot"]]
    .map(([v, l]) => h("option", { value: v, selected: v === s.type }, l)));
  const cron = h("input#schedule-cron", { value: s.cron || "0 0/5 * * * ?", placeholder: "sec min hour day month weekday" });
  const zone = h("input#schedule-zone", { value: s.timeZone || ZONE });
  const interval = h("input#schedule-interval", { type: "number", min: 1, value: s.intervalSeconds || 60 });
  const at = h("input#schedule-at", { type: "datetime-local", step: 1, value: s.at ? localInput(new Date(s.at)) : localInput(new Date(Date.now() + 3_600_000)) });
  const misfire = h("select#schedule-misfire", h("option", { value: "" }, "default"),
    ["FIRE_NOW", "SKIP"].map((m) => h("option", { value: m, selected: m === s.misfirePolicy }, m)));
  const parameters = h("textarea#schedule-parameters.mono", { rows: 3 }, JSON.stringify(s.parameters || {}));
  const priority = h("input#schedule-priority", { type: "number", min: -1000, max: 1000, value: s.priority || 0 });
  const preview = h("div#schedule-preview");
  const field = (label, input) => h("label", h("span", label), input);
  const cronFields = h("div.form-grid", field("Cron (Quartz, with seconds)", cron), field("Time zone", zone));
  const intervalFields = h("div.form-grid", field("Every (seconds)", interval));
  const onceFields = h("div.form-grid", field(`At (${ZONE})`, at));

  function timing() {
    return { type: type.value, cron: type.value === "CRON" ? cron.value : null, timeZone: type.value === "CRON" ? zone.value : null,
      intervalSeconds: type.value === "INTERVAL" ? Number(interval.value) : null,
      at: type.value === "ONCE" && at.value ? new Date(at.value).toISOString() : null,
      misfirePolicy: misfire.value || null };
  }
  const refreshPreview = debounce(async () => {
    try {
      const result = await post("/api/schedules/preview", { ...timing(), count: 5 });
      preview.replaceChildren(h("span.muted", `Next fire times (${ZONE}):`),
        result.fireTimes.length ? h("ol.fire-times", result.fireTimes.map((t) => h("li", when(t)))) : h("p.muted", "It never fires."));
    } catch (e) {
      preview.replaceChildren(h("div.banner.error", e.message));
    }
  }, 250);
  function showType() {
    cronFields.hidden = type.value !== "CRON";
    intervalFields.hidden = type.value !== "INTERVAL";
    onceFields.hidden = type.value !== "ONCE";
    refreshPreview();
  }
  for (const input of [type, cron, zone, interval, at, misfire]) input.addEventListener("input", showType);

  async function save() {
    let params;
    try {
      params = JSON.parse(parameters.value || "{}");
    } catch (e) {
      showError(new Error(`Parameters are not valid JSON: ${e.message}`));
      return;
    }
    const body = { name: name.value, taskId: Number(task.value), ...timing(), parameters: params,
      priority: Number(priority.value), paused: s.paused };
    try {
      if (existing) await put(`/api/schedules/${existing.id}`, body);
      else await post("/api/schedules", body);
      rerender();
    } catch (e) {
      showError(e);
    }
  }

  const form = h("section.panel#schedule-form",
    h("h3", existing ? `Edit schedule ${existing.name}` : "New schedule"),
    h("div.form-grid", field("Name", name), field("Task", task), field("Type", type), field("Missed fires", misfire),
      field("Priority", priority)),
    cronFields, intervalFields, onceFields,
    field("Parameters (JSON)", parameters),
    preview,
    h("div.actions", h("button.primary#save-schedule", { type: "button", onclick: save }, "Save schedule"),
      h("button", { type: "button", onclick: () => form.remove() }, "Cancel")));
  showType();
  return form;
}

function localInput(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
