package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Queues many runs of one task in one request and one transaction: a client that fans work out over
 * robots pays one HTTP round trip and one commit per thousand runs instead of one each.
 */
@RestController
@RequestMapping("/api")
class RunBatchController {
    static final int MAX_RUNS = 1000;

    private final RunService service;

    RunBatchController(RunService service) {
        this.service = service;
    }

    /** The runs queued, in the order of the request's entries. */
    record BatchStarted(long taskId, List<Long> runIds) {
    }

    @PostMapping("/tasks/{taskId}/runs/batch")
    @Operation(summary = "Queue many runs of a task at once", description = "The body is a JSON array of 1 to "
            + MAX_RUNS + " objects, each the parameter values of one run (checked like those of a single run; {} takes "
            + "the defaults). All runs are queued in one transaction, or none when an entry is refused (400 naming it).")
    @ResponseStatus(HttpStatus.CREATED)
    BatchStarted startAll(@PathVariable long taskId,
                          @RequestBody @Size(min = 1, max = MAX_RUNS, message = "A batch holds 1 to " + MAX_RUNS + " runs")
                          List<Map<String, Object>> body,
                          @RequestParam(defaultValue = "0") @Min(-1000) @Max(1000) int priority,
                          HttpServletRequest http) {
        List<Run> queued = service.startAll(taskId, body, priority,
                RunTrigger.ofAuthorization(http.getHeader(HttpHeaders.AUTHORIZATION)), CurrentUser.name());
        return new BatchStarted(taskId, queued.stream().map(Run::getId).toList());
    }
}
