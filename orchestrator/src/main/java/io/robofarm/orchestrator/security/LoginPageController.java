package io.robofarm.orchestrator.security;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves RoboFarm's own login page (the dashboard's {@code login.html}) at {@code /login}. Reading the
 * CSRF token here makes the server issue its {@code XSRF-TOKEN} cookie, which the page sends back with
 * the credentials.
 */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String loginPage(CsrfToken csrf) {
        csrf.getToken();
        return "forward:/login.html";
    }
}
