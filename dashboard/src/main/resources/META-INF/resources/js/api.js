// The REST API as the browser's session uses it: JSON in and out, the CSRF token from its cookie,
// a 401 (session lost) sends the user to the login page, any other error becomes an ApiError with the
// server's message.

/** An error answer of the API: its status, message and the extra fields (such as line and column). */
export class ApiError extends Error {
  constructor(status, body) {
    super(body.message || body.error || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

function csrfToken() {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("XSRF-TOKEN="));
  return cookie ? decodeURIComponent(cookie.substring("XSRF-TOKEN=".length)) : null;
}

/**
 * Every write of the page goes through here: fetch with the session cookie, the CSRF token from its
 * cookie and X-Requested-With (so a 401 brings no Basic password dialog). When the session had no
 * token yet, the refused request made the server issue one; the request is sent once more with it.
 */
export async function sendWithCsrf(method, path, { headers = {}, body } = {}) {
  const send = (token) => fetch(path, {
    method, body, credentials: "same-origin",
    headers: { ...headers, "X-Requested-With": "XMLHttpRequest", ...(token ? { "X-XSRF-TOKEN": token } : {}) },
  });
  const token = method === "GET" ? null : csrfToken();
  const response = await send(token);
  if (response.status === 403 && method !== "GET" && csrfToken() !== token) return send(csrfToken());
  return response;
}

// Set once the user logs out: a request still in flight then gets a 401 that must not turn the
// logout page into the "session expired" one.
let loggingOut = false;

/** After a lost session: the login page, which brings the user back to this view (the hash). */
export function toLogin() {
  if (!loggingOut) window.location.assign("/login?expired" + location.hash);
}

export async function request(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await sendWithCsrf(method, path, { headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    toLogin();
    throw new ApiError(401, { message: "not logged in" });
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json || {});
  return json;
}

export const get = (path) => request("GET", path);
export const post = (path, body) => request("POST", path, body ?? {});
export const put = (path, body) => request("PUT", path, body);
export const del = (path) => request("DELETE", path);

export async function logout() {
  loggingOut = true;
  await sendWithCsrf("POST", "/logout");
  window.location.assign("/login?logout");
}
