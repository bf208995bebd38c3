// What the farm view shows, kept up to date from the live stream even while another page is open:
// one cell per active VM (plus runs that ended a moment ago), and per-minute outcome counts for the
// last hour. Events are only queued when they arrive; apply() folds them in once per animation frame
// and remembers which cells changed colour, so a frame repaints only those. The counts of live cells
// by state are kept up to date as each cell is added, changed or removed, so reading them costs the
// same for ten cells as for ten thousand.

import { get } from "./api.js";
import * as live from "./live.js";

export const ACTIVE = new Set(["QUEUED", "RUNNING", "PARKED"]);
const ENDED_VISIBLE_MILLIS = 15_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

export class FarmModel {
  constructor() {
    /** Cells in display order; a cell is {index, runId, taskId, taskName, state, parkReason, line, depth, fuel, memory, endedAt}. */
    this.cells = [];
    this.byRun = new Map();
    /** Cells whose displayed state changed since the last repaint, and whether cells moved (so all must be repainted). */
    this.dirty = new Set();
    this.moved = true;
    /** Live cells by displayed state and the memory they report, kept by count(); see tally(). */
    this.counts = { QUEUED: 0, RUNNING: 0, PARKED: 0, memory: 0 };
    /** Whether what the counters show (counts by state, outcomes) changed since takeCountersChanged(). */
    this.countersChanged = true;
    this.pending = [];
    /** minute start (ms) -> {succeeded, failed} */
    this.outcomes = new Map();
    this.changed = true;
    this.seenEnded = new Set();
    /** Whether a farm view is on screen and applies events every frame. */
    this.drawing = false;
  }

  start() {
    live.on("run-state", (e) => this.pending.push(e));
    live.on("vm-stats", (e) => this.pending.push(e));
    live.on("resync", () => this.reload());
    // While no farm view draws frames, fold events in once a second so the queue stays short.
    setInterval(() => {
      if (!this.drawing) this.apply(Date.now());
    }, 1000);
    return this.reload();
  }

  /** Reads the active runs and the last hour's outcomes from the REST API. */
  async reload() {
    const active = [];
    for (const state of ACTIVE) {
      for (let page = 0; ; page++) {
        const found = await get(`/api/runs?state=${state}&size=500&page=${page}`);
        active.push(...found.content);
        if (page + 1 >= found.totalPages) break;
      }
    }
    const since = Date.now() - HOUR;
    const ended = [];
    for (const state of ["SUCCEEDED", "FAILED", "TIMED_OUT", "CANCELLED"]) {
      const found = await get(`/api/runs?state=${state}&size=500`);
      ended.push(...found.content.filter((r) => r.endedAt && Date.parse(r.endedAt) >= since));
    }
    const keep = new Set(active.map((r) => r.id));
    this.keepCells((c) => keep.has(c.runId) || c.endedAt);
    for (const run of active) {
      const cell = this.cellFor(run.id, run.taskId, run.taskName);
      this.update(cell, (c) => { c.state = run.state; });
    }
    this.outcomes.clear();
    this.seenEnded.clear();
    for (const run of ended) this.countOutcome(run.id, run.state, Date.parse(run.endedAt));
    this.changed = true;
  }

  cellFor(runId, taskId, taskName) {
    let cell = this.byRun.get(runId);
    if (!cell) {
      cell = { index: this.cells.length, runId, taskId, taskName, state: "QUEUED", parkReason: null, line: 0,
        depth: 0, fuel: 0, memory: null, vmState: null, endedAt: 0 };
      this.byRun.set(runId, cell);
      this.cells.push(cell);
      this.markDirty(cell);
      this.count(cell, 1);
    } else if (!cell.taskName && taskName) {
      cell.taskId = taskId;
      cell.taskName = taskName;
    }
    return cell;
  }

  /** Keeps the cells `keep` accepts, in order; the others leave the grid, so every cell is repainted. */
  keepCells(keep) {
    const before = this.cells.length;
    const kept = [];
    for (const cell of this.cells) {
      if (keep(cell)) kept.push(cell);
      else if (this.count(cell, -1)) this.countersChanged = true;
    }
    this.cells = kept;
    if (this.cells.length === before) return false;
    this.cells.forEach((c, i) => { c.index = i; });
    this.byRun = new Map(this.cells.map((c) => [c.runId, c]));
    this.moved = true;
    return true;
  }

  /** Applies `change` to `cell`, moving it between the counts, and marks the cell for repainting if its colour changed. */
  update(cell, change) {
    const before = displayState(cell);
    this.count(cell, -1);
    change(cell);
    this.count(cell, 1);
    if (displayState(cell) !== before) this.markDirty(cell);
  }

  /** A cell's colour changed, and with it the count it is in: both want repainting. */
  markDirty(cell) {
    this.dirty.add(cell);
    this.countersChanged = true;
  }

  /** Adds a cell to the counts (`sign` 1) or takes it out (-1); a cell that ended counts nowhere (false). */
  count(cell, sign) {
    if (cell.endedAt) return false;
    const state = displayState(cell);
    this.counts[state] = (this.counts[state] || 0) + sign;
    this.counts.memory += sign * (cell.memory || 0);
    return true;
  }

  /** The cells to repaint (null: all of them), forgetting them. */
  takeRepaint() {
    const cells = this.moved ? null : [...this.dirty];
    this.moved = false;
    this.dirty.clear();
    return cells;
  }

  countOutcome(runId, state, at) {
    if (this.seenEnded.has(runId)) return;
    this.seenEnded.add(runId);
    const minute = Math.floor(at / MINUTE) * MINUTE;
    const bucket = this.outcomes.get(minute) || { succeeded: 0, failed: 0 };
    if (state === "SUCCEEDED") bucket.succeeded++;
    else if (state !== "CANCELLED") bucket.failed++;
    this.outcomes.set(minute, bucket);
    this.countersChanged = true;
  }

  /** Whether what the counters show changed since the last call, forgetting it. */
  takeCountersChanged() {
    const changed = this.countersChanged;
    this.countersChanged = false;
    return changed;
  }

  /** Folds the queued events in; returns whether anything visible changed. */
  apply(now) {
    const events = this.pending;
    if (events.length) {
      this.pending = [];
      for (const e of events) {
        if ("to" in e) this.applyState(e, now);
        else this.applyStats(e);
      }
      this.changed = true;
    }
    if (this.sweepDue(now) && this.keepCells((c) => !c.endedAt || now - c.endedAt < ENDED_VISIBLE_MILLIS)) {
      this.changed = true;
    }
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  sweepDue(now) {
    if (now - (this.lastSweep || 0) < 1000) return false;
    this.lastSweep = now;
    return true;
  }

  applyState(e, now) {
    const cell = this.cellFor(e.runId, e.taskId, e.taskName);
    this.update(cell, (c) => {
      c.state = e.to;
      if (!ACTIVE.has(e.to)) c.endedAt = now;
    });
    if (!ACTIVE.has(e.to)) this.countOutcome(e.runId, e.to, Date.parse(e.at) || Date.now());
  }

  /** A sample of a run not seen yet (its run-state event was missed) creates its cell. */
  applyStats(e) {
    if (this.seenEnded.has(e.runId)) return;
    const cell = this.cellFor(e.runId, null, null);
    if (cell.endedAt) return;
    this.update(cell, (c) => {
      c.vmState = e.state;
      c.parkReason = e.parkReason;
      c.line = e.line;
      c.depth = e.callDepth;
      c.fuel = e.fuelUsed;
      if (e.memoryBytes != null) c.memory = e.memoryBytes;
      if (c.state === "QUEUED") c.state = "RUNNING";
    });
  }

  /** Counts of live cells by displayed state, and the farm's memory (sum over live VMs that report it). */
  tally() {
    return { ...this.counts };
  }

  /** Succeeded and failed runs in the last hour. */
  lastHour(now) {
    const since = now - HOUR;
    let succeeded = 0;
    let failed = 0;
    for (const [minute, b] of this.outcomes) {
      if (minute + MINUTE <= since) {
        this.outcomes.delete(minute);
        continue;
      }
      succeeded += b.succeeded;
      failed += b.failed;
    }
    return { succeeded, failed };
  }
}

/** The state a cell is drawn in: a VM sampled while waiting counts as parked even before its run row says so. */
export function displayState(cell) {
  if (cell.endedAt) return cell.state;
  if (cell.state === "RUNNING" && cell.parkReason) return "PARKED";
  return cell.state;
}

let shared = null;

/** The page's one farm model, started on first use. */
export async function farmModel() {
  if (!shared) {
    shared = new FarmModel();
    await shared.start();
  }
  return shared;
}
