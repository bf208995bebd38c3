package io.robofarm.orchestrator.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Schedules over REST: list, read, create, change, delete, pause, resume, and preview fire times before saving. */
@RestController
@RequestMapping("/api/schedules")
class ScheduleController {
    private final ScheduleService service;
    private final JsonMapper json;

    ScheduleController(ScheduleService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /** A schedule as the user writes it; which timing fields matter depends on {@code type}. */
    record ScheduleRequest(@NotBlank @Size(max = 100) String name, @NotNull Long taskId, @NotNull ScheduleType type,
                           String cron, String timeZone, Long intervalSeconds, Instant at,
                           MisfirePolicy misfirePolicy, Map<String, Object> parameters,
                           @Min(-1000) @Max(1000) Integer priority, Boolean paused) {

        ScheduleService.Definition definition() {
            return new ScheduleService.Definition(name.trim(), taskId,
                    new Timing(type, cron, timeZone, intervalSeconds, at), misfirePolicy, parameters,
                    priority == null ? 0 : priority, Boolean.TRUE.equals(paused));
        }
    }

    record PreviewRequest(@NotNull ScheduleType type, String cron, String timeZone, Long intervalSeconds, Instant at,
                          MisfirePolicy misfirePolicy, @Min(1) @Max(100) Integer count) {
    }

    record PreviewView(List<Instant> fireTimes) {
    }

    record ScheduleView(long id, String name, long taskId, ScheduleType type, String cron, String timeZone,
                        Long intervalSeconds, Instant at, MisfirePolicy misfirePolicy, JsonNode parameters,
                        int priority, boolean paused, Instant nextFireTime, Instant previousFireTime,
                        String createdBy, Instant createdAt, Instant updatedAt) {
    }

    @GetMapping
    List<ScheduleView> list() {
        return service.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    ScheduleView get(@PathVariable long id) {
        return view(service.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ScheduleView create(@RequestBody @Valid ScheduleRequest request) {
        return view(service.create(request.definition()));
    }

    @PutMapping("/{id}")
    ScheduleView update(@PathVariable long id, @RequestBody @Valid ScheduleRequest request) {
        return view(service.update(id, request.definition()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        service.delete(id);
    }

    @PostMapping("/{id}/pause")
    ScheduleView pause(@PathVariable long id) {
        return view(service.pause(id));
    }

    @PostMapping("/{id}/resume")
    ScheduleView resume(@PathVariable long id) {
        return view(service.resume(id));
    }

    @PostMapping("/preview")
    PreviewView preview(@RequestBody @Valid PreviewRequest request) {
        return new PreviewView(service.preview(
                new Timing(request.type(), request.cron(), request.timeZone(), request.intervalSeconds(), request.at()),
                request.misfirePolicy(), request.count() == null ? 5 : request.count()));
    }

    private ScheduleView view(Schedule s) {
        Timing t = s.timing();
        ScheduleService.FireTimes fires = service.fireTimes(s.getId());
        return new ScheduleView(s.getId(), s.getName(), s.getTaskId(), t.type(), t.cron(), t.timeZone(),
                t.intervalSeconds(), t.at(), s.getMisfirePolicy(), json.readTree(s.getParameters()), s.getPriority(),
                s.isPaused(), s.isPaused() ? null : fires.next(), fires.previous(), s.getCreatedBy(), s.getCreatedAt(),
                s.getUpdatedAt());
    }
}
