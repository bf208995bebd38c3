// The login page: says why we are here (logged out, session expired, wrong password), posts the
// credentials with the CSRF token, and goes back to the view the user was on (the hash is kept).

import { sendWithCsrf } from "./api.js";

const form = document.getElementById("login-form");
const message = document.getElementById("login-message");

function say(text, kind) {
  message.textContent = text;
  message.className = "banner " + kind;
  message.hidden = false;
}

const params = new URLSearchParams(location.search);
if (params.has("logout")) say("You have been logged out.", "info");
if (params.has("expired")) say("Your session has ended (the server may have restarted). Log in again to continue.", "info");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = new URLSearchParams(new FormData(form));
  try {
    const response = await sendWithCsrf("POST", "/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" }, body,
    });
    if (response.ok) {
      location.assign("/" + location.hash);
    } else if (response.status === 401) {
      say("Wrong username or password.", "error");
      form.password.select();
    } else {
      say(`The server answered ${response.status}; try again.`, "error");
    }
  } catch (e) {
    say("The server cannot be reached; try again in a moment.", "error");
  }
});
