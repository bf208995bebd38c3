// The call stack of a live run, on request: each frame as "function  file:line" with a table of its
// locals; clicking a frame of the task's own script shows its line there.

import { get } from "./api.js";
import { h, showError } from "./ui.js";

/**
 * The "Show call stack" button and the frames it lists for run `runId`. `chunk` is the script's
 * chunk name (task.lua); `showLine(line)` highlights a line of the script view.
 */
export function stackPanel(runId, chunk, showLine) {
  const frames = h("ol.stack#stack", { hidden: true });
  const button = h("button#show-stack", { type: "button" }, "Show call stack");

  function frameItem(frame) {
    const where = frame.line >= 0 ? `${frame.source}:${frame.line}` : frame.source;
    const inScript = frame.source === chunk && frame.line > 0;
    const locals = frame.locals.length
      ? h("table.locals", h("tbody", frame.locals.map((local) =>
        h("tr", { dataset: { local: local.name } },
          h("td.mono", local.name), h("td.mono", local.value), h("td.type", local.type)))))
      : null;
    const item = h("li.frame" + (inScript ? ".in-script" : ""), { dataset: { line: frame.line } },
      h("div.frame-head", h("span.function", frame.function), " ", h("span.mono.where", where)), locals);
    if (inScript) {
      item.addEventListener("click", () => {
        for (const other of frames.querySelectorAll(".frame.selected")) other.classList.remove("selected");
        item.classList.add("selected");
        showLine(frame.line);
      });
    }
    return item;
  }

  button.addEventListener("click", async () => {
    try {
      const stack = await get(`/api/runs/${runId}/stack`);
      frames.replaceChildren(...(stack.frames.length ? stack.frames.map(frameItem) : [h("li", "(empty)")]));
      frames.hidden = false;
    } catch (e) {
      showError(e);
    }
  });
  return { button, frames };
}
