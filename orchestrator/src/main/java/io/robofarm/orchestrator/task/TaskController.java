package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.task.TaskViews.CheckResult;
import io.robofarm.orchestrator.task.TaskViews.TaskSummary;
import io.robofarm.orchestrator.task.TaskViews.TaskVersionView;
import io.robofarm.orchestrator.task.TaskViews.VersionSummary;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Tasks and their versions over HTTP. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {
    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    List<TaskSummary> list() {
        return tasks.list();
    }

    @PostMapping
    @Operation(summary = "Create a task", description = "The script is compiled first: a syntax error is a 400 whose "
            + "body has the message, line and column, and nothing is saved.")
    ResponseEntity<TaskVersionView> create(@Valid @RequestBody TaskDefinition definition) {
        TaskVersionView created = tasks.create(definition);
        return ResponseEntity.created(URI.create("/api/tasks/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    TaskVersionView get(@PathVariable long id) {
        return tasks.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save a new version of a task", description = "Compiled like a create; the previous versions stay readable.")
    TaskVersionView update(@PathVariable long id, @Valid @RequestBody TaskDefinition definition) {
        return tasks.update(id, definition);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a task", description = "A soft delete: the task leaves the list and its name is free "
            + "again, while its versions stay readable under /api/tasks/{id}/versions for the runs that used them.")
    void delete(@PathVariable long id) {
        tasks.delete(id);
    }

    @GetMapping("/{id}/versions")
    List<VersionSummary> versions(@PathVariable long id) {
        return tasks.versions(id);
    }

    @GetMapping("/{id}/versions/{number}")
    TaskVersionView version(@PathVariable long id, @PathVariable int number) {
        return tasks.version(id, number);
    }

    @PostMapping("/check")
    CheckResult check(@Valid @RequestBody CheckRequest request) {
        return tasks.check(request.name(), request.source());
    }

    /** A script to compile without saving it; the name only shapes the messages ({@code name.lua:3: ...}). */
    record CheckRequest(@Size(max = 100) String name, @NotNull @Size(max = 262_144) String source) {
    }
}
