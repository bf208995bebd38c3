// What the logged-in user may do. Controls that need more than the user's role are not shown
// (the server refuses them anyway): mark them with data-min-role="DEVELOPER" or use can().

const RANK = { VIEWER: 1, OPERATOR: 2, DEVELOPER: 3, ADMIN: 4 };
let user = { username: "", role: "VIEWER" };

export function setUser(me) {
  user = me;
}

export function currentUser() {
  return user;
}

/** Whether the user's role is at least the given one. */
export function can(role) {
  return (RANK[user.role] || 0) >= RANK[role];
}

/** Hides every element under root whose data-min-role the user lacks. */
export function applyRoleVisibility(root) {
  for (const el of root.querySelectorAll("[data-min-role]")) {
    el.hidden = !can(el.dataset.minRole);
  }
}
