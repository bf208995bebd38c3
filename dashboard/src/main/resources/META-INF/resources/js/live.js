// The one /api/live stream of the page. Views subscribe to event names; the connection shows its state
// (live / reconnecting) and recovers by itself: the browser's EventSource retries a dropped stream with
// Last-Event-ID, and when the server refuses it (a restart lost the session) we check the session and
// either go to the login page or open a fresh stream. After any reconnect and on a "dropped" notice,
// subscribers of "resync" reload what they show from the REST API.

import { get } from "./api.js";

const listeners = new Map();
const EVENTS = ["run-state", "run-log", "vm-stats", "dropped"];
let source = null;
// While the server is away (a restart), try again after 1, 2, 4, then every 5 s.
const FIRST_RETRY_MILLIS = 1000;
const MAX_RETRY_MILLIS = 5000;
let retryMillis = FIRST_RETRY_MILLIS;
let stuckTimer = 0;
const STUCK_MILLIS = MAX_RETRY_MILLIS;
let everOpened = false;
let bytesReceived = 0;
let eventsReceived = 0;

/** Calls fn(data) for each event of the given name; returns what unsubscribes. */
export function on(name, fn) {
  if (!listeners.has(name)) listeners.set(name, new Set());
  listeners.get(name).add(fn);
  return () => listeners.get(name).delete(fn);
}

function emit(name, data) {
  for (const fn of listeners.get(name) || []) {
    try {
      fn(data);
    } catch (e) {
      console.error(`live ${name} listener failed`, e);
    }
  }
}

function setState(state) {
  const el = document.getElementById("connection");
  if (el) {
    el.className = "connection " + state;
    el.textContent = state;
  }
  emit("connection", state);
}

/** How many events and characters of event data arrived so far (read by bench/dashboard). */
export function received() {
  return { events: eventsReceived, chars: bytesReceived };
}

export function connect() {
  if (source) source.close();
  source = new EventSource("/api/live");
  source.onopen = () => {
    clearTimeout(stuckTimer);
    stuckTimer = 0;
    setState("live");
    retryMillis = FIRST_RETRY_MILLIS;
    if (everOpened) emit("resync");
    everOpened = true;
  };
  source.onerror = () => {
    setState("reconnecting");
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(recover, retryMillis);
      retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
    } else if (!stuckTimer) {
      // The browser keeps retrying by itself; if that has not worked for a while, start over.
      stuckTimer = setTimeout(() => {
        stuckTimer = 0;
        if (source.readyState !== EventSource.OPEN) {
          source.close();
          recover();
        }
      }, STUCK_MILLIS);
    }
  };
  for (const name of EVENTS) {
    source.addEventListener(name, (event) => {
      bytesReceived += event.data.length;
      eventsReceived++;
      emit(name, JSON.parse(event.data));
      if (name === "dropped") emit("resync");
    });
  }
}

async function recover() {
  try {
    await get("/api/me"); // a lost session (401) goes to /login?expired from here, keeping the view
    connect();
  } catch (e) {
    setTimeout(recover, retryMillis);
    retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
  }
}

window.robofarmLiveReceived = received;
