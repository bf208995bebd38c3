// Users and roles, for administrators: create users, change a role, disable or delete a user.

import { get, post, put, del } from "./api.js";
import { can, currentUser } from "./roles.js";
import { h, when, showError, rerender } from "./ui.js";

const ROLES = ["VIEWER", "OPERATOR", "DEVELOPER", "ADMIN"];

export async function usersView() {
  if (!can("ADMIN")) {
    return { element: h("section.panel", h("p", "Only administrators manage users.")) };
  }
  const users = await get("/api/users");
  const change = (username, body) => put(`/api/users/${encodeURIComponent(username)}`, body).then(rerender, showError);
  const rows = users.map((u) => {
    const self = u.username === currentUser().username;
    const role = h("select", { disabled: self, onchange: (e) => change(u.username, { role: e.target.value }) },
      ROLES.map((r) => h("option", { value: r, selected: r === u.role }, r)));
    return h("tr", { dataset: { user: u.username } }, h("td", u.username), h("td", role),
      h("td", u.enabled ? "enabled" : h("span.muted", "disabled")), h("td", when(u.createdAt)),
      h("td", !self && h("div.actions", { style: "margin:0" },
        h("button", { onclick: () => change(u.username, { enabled: !u.enabled }) }, u.enabled ? "Disable" : "Enable"),
        h("button.danger", { onclick: async () => {
          if (!confirm(`Delete user ${u.username}?`)) return;
          await del(`/api/users/${encodeURIComponent(u.username)}`).then(rerender, showError);
        } }, "Delete"))));
  });
  const username = h("input#new-username", { placeholder: "username" });
  const password = h("input#new-password", { type: "password", placeholder: "at least 8 characters" });
  const newRole = h("select#new-role", ROLES.map((r) => h("option", { value: r }, r)));
  const create = async () => {
    try {
      await post("/api/users", { username: username.value.trim(), password: password.value, role: newRole.value });
      rerender();
    } catch (e) {
      showError(e);
    }
  };
  const element = h("div",
    h("section.panel", h("h2", "Users"),
      h("table#users", h("thead", h("tr", ["User", "Role", "Status", "Created", ""].map((c) => h("th", c)))), h("tbody", rows))),
    h("section.panel", h("h3", "New user"),
      h("div.actions", username, password, newRole, h("button.primary#create-user", { onclick: create }, "Create user"))));
  return { element };
}
