package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.live.RunLogLine;
import io.robofarm.orchestrator.security.CurrentUser;
import io.robofarm.vm.interp.StackFrameInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs over REST: run a task now, list and read runs, page through their logs, cancel, look at a live stack. */
@RestController
@RequestMapping("/api")
class RunController {
    private final RunService service;
    private final RunRepository runs;
    private final RunLogStore logs;
    private final JsonMapper json;

    RunController(RunService service, RunRepository runs, RunLogStore logs, JsonMapper json) {
        this.service = service;
        this.runs = runs;
        this.logs = logs;
        this.json = json;
    }

    /** The body of "run now": parameter values by name and an optional priority (higher runs first). */
    record StartRequest(Map<String, Object> parameters, @Min(-1000) @Max(1000) Integer priority) {
    }

    /** One page of runs, newest first. */
    record RunPage(List<RunView> content, int page, int size, long totalElements, int totalPages) {
    }

    /** Log lines after a sequence number; {@code next} is the {@code after} to ask for the following ones. */
    record LogPage(long runId, List<LogLineView> lines, long next) {
    }

    record LogLineView(long seq, Instant at, String level, String line) {
    }

    record StackView(long runId, List<StackFrameInfo> frames) {
    }

    @PostMapping("/tasks/{taskId}/runs")
    @ResponseStatus(HttpStatus.CREATED)
    RunView start(@PathVariable long taskId, @RequestBody(required = false) @Validated StartRequest body,
                  HttpServletRequest http) {
        RunTrigger trigger = RunTrigger.ofAuthorization(http.getHeader(HttpHeaders.AUTHORIZATION));
        Run run = service.start(new RunService.RunRequest(taskId, body == null ? null : body.parameters(),
                body == null || body.priority() == null ? 0 : body.priority(), trigger, CurrentUser.name(), null));
        return RunView.of(run, json);
    }

    @GetMapping("/runs")
    RunPage list(@RequestParam(required = false) Long task, @RequestParam(required = false) RunState state,
                 @RequestParam(defaultValue = "0") @Min(0) int page,
                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<Run> found = runs.search(task, state, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
        return new RunPage(found.getContent().stream().map(r -> RunView.of(r, json)).toList(), page, size,
                found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/runs/{id}")
    RunView get(@PathVariable long id) {
        return RunView.of(service.get(id), json);
    }

    @GetMapping("/runs/{id}/logs")
    LogPage logs(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) long after,
                 @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit) {
        service.get(id);
        List<RunLogLine> lines = logs.after(id, after, limit);
        long next = lines.isEmpty() ? after : lines.get(lines.size() - 1).seq();
        return new LogPage(id, lines.stream().map(l -> new LogLineView(l.seq(), l.at(), l.level(), l.line())).toList(),
                next);
    }

    @PostMapping("/runs/{id}/cancel")
    RunView cancel(@PathVariable long id) {
        return RunView.of(service.cancel(id), json);
    }

    @GetMapping("/runs/{id}/stack")
    StackView stack(@PathVariable long id) {
        return new StackView(id, service.stack(id));
    }
}
