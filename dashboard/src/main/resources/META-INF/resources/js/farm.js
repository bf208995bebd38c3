// The farm view (home page): a canvas cell per active VM coloured by state, a tooltip with task, line,
// fuel and memory, counters, and uPlot charts of the last hour. Drawing happens at most once per
// animation frame and only when something changed: it repaints only the cells whose colour changed
// (all of them when the grid's layout changed), and the counters only when the model's counts did;
// frame times are kept for the benchmark.

import uPlot from "/webjars/uplot/dist/uPlot.esm.js";
import { get } from "./api.js";
import { h, count, bytes } from "./ui.js";
import { farmModel, displayState } from "./farm-model.js";

const COLORS = {
  QUEUED: "#8c96a3", RUNNING: "#2f9e44", PARKED: "#e0a100", SUCCEEDED: "#74c0fc",
  FAILED: "#e03131", CANCELLED: "#adb5bd", TIMED_OUT: "#ae3ec9",
};
const LABELS = {
  RUNNING: "running", PARKED: "parked", QUEUED: "queued", SUCCEEDED: "just succeeded",
  FAILED: "just failed", TIMED_OUT: "just timed out", CANCELLED: "just cancelled",
};
const MAX_GRID_HEIGHT = 420;
const SAMPLE_MILLIS = 5000;
const HOUR = 3_600_000;

/** Work times in ms (apply + draw) of frames that changed something; bench/dashboard takes them with window.robofarmFrames(). */
const frameTimes = [];
window.robofarmFrames = () => frameTimes.splice(0, frameTimes.length);

/** Samples of {t, active, queued, memory} for the charts, kept across visits of the page. */
const samples = [];

export async function farmView() {
  const model = await farmModel();
  const counters = {
    running: counter("running", "Running"),
    parked: counter("parked", "Parked"),
    queued: counter("queued", "Queued"),
    succeeded: counter("succeeded", "Succeeded (last hour)"),
    failed: counter("failed", "Failed (last hour)"),
  };
  const canvas = h("canvas#farm-grid", { height: 60 });
  const tooltip = h("div.tooltip", { hidden: true });
  const empty = h("p.muted", "No VM is active right now. Runs appear here as they start.");
  const chartBoxes = [h("div"), h("div"), h("div")];
  const nodeStatus = h("span.muted#node-status");
  const element = h("div.farm",
    h("div.counters", Object.values(counters).map((c) => c.element)),
    h("section.panel",
      h("div.actions", { style: "margin-top:0" }, h("h3", { style: "flex:1;margin:0" }, "Active VMs"), nodeStatus),
      h("div.grid-wrap", canvas, tooltip),
      empty,
      h("div.legend", Object.entries(LABELS).map(([state, label]) => h("span", h("i", { style: `background:${COLORS[state]}` }), label)))),
    h("div.charts",
      h("section.panel", h("h3", "Runs per minute"), chartBoxes[0]),
      h("section.panel", h("h3", "Active VMs"), chartBoxes[1]),
      h("section.panel", h("h3", "Farm memory"), chartBoxes[2])));

  const layout = { size: 12, columns: 1, height: 0 };
  let hovered = null;
  let pointer = null;
  let charts = [];
  let frame = 0;
  let sampler = 0;

  /** Sizes the grid for the cells there are; true when cells now sit elsewhere (so all must be repainted). */
  function fitLayout(cells, width) {
    const n = Math.max(cells.length, 1);
    const size = Math.max(3, Math.min(18, Math.floor(Math.sqrt((width * MAX_GRID_HEIGHT) / n))));
    const columns = Math.max(1, Math.floor(width / size));
    const height = Math.max(size, Math.ceil(cells.length / columns) * size);
    const ratio = window.devicePixelRatio || 1;
    let moved = size !== layout.size || columns !== layout.columns || height !== layout.height;
    Object.assign(layout, { size, columns, height });
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      // Resizing a canvas clears it.
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.height = `${height}px`;
      moved = true;
    }
    return moved;
  }

  /** Paints the `changed` cells (null: every cell), or all of them if the grid's layout changed. */
  function draw(changed) {
    const cells = model.cells;
    const width = canvas.clientWidth || 800;
    const all = fitLayout(cells, width) || changed === null;
    const ratio = window.devicePixelRatio || 1;
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const gap = layout.size > 5 ? 1 : 0;
    const side = layout.size - gap;
    if (all) ctx.clearRect(0, 0, width, layout.height);
    const byState = {};
    for (const cell of all ? cells : changed) {
      const s = displayState(cell);
      (byState[s] || (byState[s] = [])).push(cell.index);
    }
    for (const [state, indexes] of Object.entries(byState)) {
      ctx.fillStyle = COLORS[state] || COLORS.QUEUED;
      for (const i of indexes) {
        ctx.fillRect((i % layout.columns) * layout.size, Math.floor(i / layout.columns) * layout.size, side, side);
      }
    }
    empty.hidden = cells.length > 0;
    Object.assign(canvas.dataset, { cells: cells.length, cellSize: layout.size, columns: layout.columns });
  }

  function updateCounters(now) {
    const t = model.tally();
    const hour = model.lastHour(now);
    counters.running.set(t.RUNNING);
    counters.parked.set(t.PARKED);
    counters.queued.set(t.QUEUED);
    counters.succeeded.set(hour.succeeded);
    counters.failed.set(hour.failed);
    return t;
  }

  function cellAt(x, y) {
    const i = Math.floor(y / layout.size) * layout.columns + Math.floor(x / layout.size);
    return x < layout.columns * layout.size ? model.cells[i] || null : null;
  }

  function showTooltip() {
    hovered = pointer ? cellAt(pointer.x, pointer.y) : null;
    if (!hovered) {
      tooltip.hidden = true;
      return;
    }
    const c = hovered;
    tooltip.replaceChildren(
      h("div", h("b", c.taskName || (c.taskId ? `task ${c.taskId}` : "task not known yet")), ` · run ${c.runId}`),
      h("div", `${LABELS[displayState(c)] || displayState(c)}${c.parkReason ? ` (${c.parkReason})` : ""}`),
      h("div", `line ${c.line || "—"} · depth ${c.depth || 0}`),
      h("div", `fuel ${count(c.fuel)} · memory ${bytes(c.memory)}`));
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(pointer.x + 14, canvas.clientWidth - 220)}px`;
    tooltip.style.top = `${pointer.y + 14}px`;
  }

  function onFrame() {
    const started = performance.now();
    const now = Date.now();
    const changed = model.apply(now);
    const repaint = model.takeRepaint();
    const painted = repaint === null || repaint.length > 0;
    if (painted) draw(repaint);
    if (model.takeCountersChanged()) updateCounters(now);
    if (changed || painted) {
      if (pointer) showTooltip();
      const spent = performance.now() - started;
      frameTimes.push(spent);
      if (frameTimes.length > 2000) frameTimes.splice(0, frameTimes.length - 2000);
    }
    frame = requestAnimationFrame(onFrame);
  }

  canvas.addEventListener("mousemove", (e) => {
    pointer = { x: e.offsetX, y: e.offsetY };
    showTooltip();
  });
  canvas.addEventListener("mouseleave", () => {
    pointer = null;
    tooltip.hidden = true;
  });
  canvas.addEventListener("click", (e) => {
    const cell = cellAt(e.offsetX, e.offsetY);
    if (cell) location.hash = `#/runs/${cell.runId}`;
  });

  function sample() {
    const now = Date.now();
    // Also ages the last hour's counters when no run ends for a while.
    const t = updateCounters(now);
    samples.push({ t: now / 1000, active: t.RUNNING + t.PARKED, queued: t.QUEUED, memory: t.memory });
    while (samples.length && samples[0].t < (now - HOUR) / 1000) samples.shift();
    refreshCharts(now);
    get("/api/farm").then((f) => {
      nodeStatus.textContent = `this node: ${f.workers} worker threads, room for ${count(f.capacity)} VMs, `
        + `${count(f.startedRuns)} runs started since boot`;
    }, () => { nodeStatus.textContent = ""; });
  }

  function refreshCharts(now) {
    if (!charts.length) return;
    const firstMinute = Math.floor((now - HOUR) / 60_000) * 60_000;
    const minutes = [];
    const ok = [];
    const bad = [];
    for (let m = firstMinute; m <= now; m += 60_000) {
      const b = model.outcomes.get(m) || { succeeded: 0, failed: 0 };
      minutes.push(m / 1000);
      ok.push(b.succeeded);
      bad.push(b.failed);
    }
    charts[0].setData([minutes, ok, bad]);
    const ts = samples.map((s) => s.t);
    charts[1].setData([ts, samples.map((s) => s.active), samples.map((s) => s.queued)]);
    charts[2].setData([ts, samples.map((s) => s.memory)]);
  }

  function makeCharts() {
    const width = Math.max(260, chartBoxes[0].clientWidth || 380);
    const base = (series, axes) => ({ width, height: 180, legend: { show: true }, cursor: { drag: { x: false } },
      scales: { x: { time: true, range: () => [(Date.now() - HOUR) / 1000, Date.now() / 1000] } },
      series: [{}, ...series], axes });
    const leftBars = uPlot.paths.bars({ size: [0.4, 20], align: -1 });
    const rightBars = uPlot.paths.bars({ size: [0.4, 20], align: 1 });
    charts = [
      new uPlot(base([
        { label: "succeeded", stroke: COLORS.SUCCEEDED, fill: COLORS.SUCCEEDED, paths: leftBars },
        { label: "failed", stroke: COLORS.FAILED, fill: COLORS.FAILED, paths: rightBars },
      ]), [[], [], []], chartBoxes[0]),
      new uPlot(base([
        { label: "running + parked", stroke: COLORS.RUNNING, width: 2 },
        { label: "queued", stroke: COLORS.QUEUED, width: 2 },
      ], [{}, { values: (u, vals) => vals.map((v) => count(v)), size: 64 }]), [[], [], []], chartBoxes[1]),
      new uPlot(base([{ label: "memory", stroke: "#5c7cfa", fill: "rgba(92,124,250,.15)", width: 2, value: (u, v) => bytes(v) }],
        [{}, { values: (u, vals) => vals.map((v) => bytes(v)), size: 84 }]), [[], []], chartBoxes[2]),
    ];
  }

  return {
    element,
    shown() {
      model.drawing = true;
      model.moved = true;
      makeCharts();
      sample();
      sampler = setInterval(sample, SAMPLE_MILLIS);
      frame = requestAnimationFrame(onFrame);
    },
    leave() {
      model.drawing = false;
      cancelAnimationFrame(frame);
      clearInterval(sampler);
      charts.forEach((c) => c.destroy());
    },
  };
}

/** A counter tile; the DOM is written only when the number changes. */
function counter(kind, label) {
  const value = h("div.value", "0");
  let shown = 0;
  return {
    element: h("div.counter." + kind, { dataset: { counter: kind } }, value, h("div.label", label)),
    set(n) {
      if (n === shown) return;
      shown = n;
      value.textContent = count(n);
    },
  };
}
