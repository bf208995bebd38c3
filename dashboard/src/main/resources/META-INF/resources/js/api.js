// The REST API as the browser's session uses it: JSON in and out, the CSRF token from its cookie,
// a 401 sends the user to the login page, any other error becomes an ApiError with the server's message.

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

async function send(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const token = csrfToken();
  if (token && method !== "GET") headers["X-XSRF-TOKEN"] = token;
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin",
  });
  return { response, token };
}

export async function request(method, path, body) {
  let { response, token } = await send(method, path, body);
  if (response.status === 403 && method !== "GET" && csrfToken() !== token) {
    // The session had no token yet: the refused request made the server issue one; try again with it.
    ({ response } = await send(method, path, body));
  }
  if (response.status === 401) {
    window.location.assign("/login");
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
  const post = () => fetch("/logout", { method: "POST", headers: { "X-XSRF-TOKEN": csrfToken() || "" } });
  if ((await post()).status === 403) await post();
  window.location.assign("/login?logout");
}
