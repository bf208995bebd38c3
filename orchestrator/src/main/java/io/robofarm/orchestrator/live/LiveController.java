package io.robofarm.orchestrator.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/live}: Server-Sent Events of run state changes ({@code run-state}), log lines
 * ({@code run-log}), VM samples ({@code vm-stats}) and {@code dropped} notices, optionally for one
 * run ({@code ?run=ID}); resumes after {@code Last-Event-ID} (or {@code ?lastEventId=}).
 */
@RestController
class LiveController {
    private final LiveConnections connections;

    LiveController(LiveConnections connections) {
        this.connections = connections;
    }

    @GetMapping(path = "/api/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@RequestParam(required = false) Long run,
                    @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventIdHeader,
                    @RequestParam(name = "lastEventId", required = false) Long lastEventIdParam) {
        return connections.connect(run, lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
    }
}
