package io.robofarm.orchestrator.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

import java.time.Clock;
import java.time.Duration;

/**
 * Who may call what. The API ({@code /api/**}, {@code /actuator/**}) takes HTTP Basic or the
 * browser's login session and answers 401/403 as JSON; everything else is the browser side with
 * RoboFarm's own login page, which posts the credentials with fetch and is told 204 or 401. CSRF protection guards session-based writes; a call that brings its own Basic
 * credentials cannot be forged by another site and skips it.
 *
 * <p>Roles nest: ADMIN &gt; DEVELOPER &gt; OPERATOR &gt; VIEWER. Reading needs VIEWER, running and
 * cancelling OPERATOR, writing tasks and schedules DEVELOPER, users and the rest of actuator ADMIN.
 */
@Configuration
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder(@Value("${robofarm.security.bcrypt-strength:10}") int strength,
                                    @Value("${robofarm.security.verified-password-ttl:5m}") Duration verifiedFor, Clock clock) {
        return new VerifiedPasswords(new BCryptPasswordEncoder(strength), verifiedFor, clock);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("DEVELOPER")
                .role("DEVELOPER").implies("OPERATOR")
                .role("OPERATOR").implies("VIEWER")
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors();
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .requestMatchers(HttpMethod.POST, "/api/schedules/preview", "/api/tasks/check").hasRole("VIEWER")
                        .requestMatchers(HttpMethod.POST, "/api/tasks/*/runs", "/api/tasks/*/runs/batch", "/api/runs/*/cancel")
                        .hasRole("OPERATOR")
                        .requestMatchers("/api/tasks", "/api/tasks/**", "/api/schedules", "/api/schedules/**").hasRole("DEVELOPER")
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.realmName(JsonSecurityErrors.REALM).authenticationEntryPoint(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(SecurityConfig::bringsBasicCredentials));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserSecurity(HttpSecurity http) throws Exception {
        FormLoginAnswers answers = new FormLoginAnswers();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login.html", "/css/**", "/js/**", "/error", "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(answers).failureHandler(answers))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .logout(logout -> logout.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .csrf(csrf -> csrf.spa());
        return http.build();
    }

    private static boolean bringsBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
