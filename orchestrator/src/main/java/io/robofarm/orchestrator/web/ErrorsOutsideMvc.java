package io.robofarm.orchestrator.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.context.request.WebRequest;

import java.util.Map;

/**
 * Keeps the JSON error shape for requests that fail before Spring MVC sees them: URLs the security
 * firewall rejects ({@code //}, encoded slashes), requests Tomcat cannot parse, and errors rendered
 * by Boot's {@code /error} page, which get a {@code message} even when the cause had none.
 */
@Configuration
class ErrorsOutsideMvc {

    @Bean
    RequestRejectedHandler rejectedUrls() {
        return (request, response, e) -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
                "The URL was rejected: " + e.getMessage());
    }

    @Bean
    TomcatContextCustomizer jsonErrorsFromTomcat() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    @Bean
    ErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                Object message = attributes.get("message");
                if (message == null || message.toString().isBlank()) {
                    attributes.put("message", attributes.getOrDefault("error", "Request failed"));
                }
                return attributes;
            }
        };
    }
}
