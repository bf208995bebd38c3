// Small DOM and formatting helpers shared by the views.

/** Builds an element: h("button.primary#save", {onclick}, "Save"). Children may be strings, nodes, arrays or null. */
export function h(spec, attrs, ...children) {
  const [, tag, rest] = spec.match(/^([a-z0-9-]*)(.*)$/i);
  const el = document.createElement(tag || "div");
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === ".") el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== "object" || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key in el && key !== "list" && key !== "form") el[key] = value;
    else el.setAttribute(key, value === true ? "" : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export function stateBadge(state) {
  return h("span.state." + state, state);
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : "";
}

export function time(instant) {
  return instant ? new Date(instant).toLocaleTimeString() : "";
}

export function duration(fromInstant, toInstant) {
  if (!fromInstant) return "";
  const millis = (toInstant ? new Date(toInstant) : new Date()) - new Date(fromInstant);
  if (millis < 1000) return `${millis} ms`;
  if (millis < 60_000) return `${(millis / 1000).toFixed(1)} s`;
  return `${Math.floor(millis / 60_000)} min ${Math.round((millis % 60_000) / 1000)} s`;
}

export function bytes(n) {
  if (n == null) return "—";
  if (n < 1024) return `${n} B`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1 << 30) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  return `${(n / (1 << 30)).toFixed(2)} GiB`;
}

export function count(n) {
  return n == null ? "—" : Number(n).toLocaleString();
}

/** Shows an error (or clears it with null) in the banner above the current view. */
export function showError(error) {
  const banner = document.getElementById("banner");
  banner.textContent = error ? (error.message || String(error)) : "";
  banner.hidden = !error;
}

/** Calls fn at most once per wait milliseconds, with the arguments of the last call. */
export function debounce(fn, wait) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

/** Draws the current page again (after a change made through the API). */
export function rerender() {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}
