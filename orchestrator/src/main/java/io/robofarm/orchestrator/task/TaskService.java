package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.audit.AuditLog;
import io.robofarm.orchestrator.security.CurrentUser;
import io.robofarm.orchestrator.task.TaskViews.TaskSummary;
import io.robofarm.orchestrator.task.TaskViews.TaskVersionView;
import io.robofarm.orchestrator.task.TaskViews.VersionSummary;
import io.robofarm.orchestrator.web.ConflictException;
import io.robofarm.orchestrator.web.InvalidInputException;
import io.robofarm.orchestrator.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates, changes and deletes tasks. Every save compiles the script first, so nothing that does not
 * compile is ever stored, and writes a new immutable version. Deleting keeps the task's row and
 * versions for the runs that point at them, and frees the name.
 */
@Service
public class TaskService {
    private final TaskRepository tasks;
    private final TaskVersionRepository versions;
    private final ScriptCompiler compiler;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskService(TaskRepository tasks, TaskVersionRepository versions, ScriptCompiler compiler, AuditLog audit,
                ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.versions = versions;
        this.compiler = compiler;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Whether any task, live or deleted, was ever created. */
    @Transactional(readOnly = true)
    public boolean anyTaskExists() {
        return tasks.count() > 0;
    }

    @Transactional
    public TaskVersionView create(TaskDefinition request) {
        TaskDefinition definition = checked(request);
        if (tasks.existsByLiveName(definition.name())) {
            throw new ConflictException("A task named '" + definition.name() + "' already exists");
        }
        Instant now = clock.instant();
        Task task = tasks.save(new Task(definition.name(), now));
        TaskVersion version = saveVersion(task, definition, now);
        audit.record("CREATE", "TASK", task.getId().toString(), "created task '" + task.getName() + "' (version 1)");
        return TaskVersionView.of(version);
    }

    @Transactional
    public TaskVersionView update(long id, TaskDefinition request) {
        TaskDefinition definition = checked(request);
        Task task = live(id);
        if (tasks.existsByLiveNameAndIdNot(definition.name(), id)) {
            throw new ConflictException("A task named '" + definition.name() + "' already exists");
        }
        String oldName = task.getName();
        TaskVersion version = saveVersion(task, definition, clock.instant());
        String renamed = oldName.equals(task.getName()) ? "" : ", renamed from '" + oldName + "'";
        audit.record("UPDATE", "TASK", task.getId().toString(),
                "saved task '" + task.getName() + "' as version " + version.getNumber() + renamed);
        return TaskVersionView.of(version);
    }

    @Transactional
    public void delete(long id) {
        Task task = live(id);
        task.delete(clock.instant());
        audit.record("DELETE", "TASK", task.getId().toString(), "deleted task '" + task.getName() + "'");
        events.publishEvent(new TaskDeleted(task.getId(), task.getName()));
    }

    @Transactional(readOnly = true)
    public List<TaskSummary> list() {
        Map<Long, TaskVersion> latest = versions.findLatestOfLiveTasks().stream()
                .collect(Collectors.toMap(TaskVersion::getTaskId, Function.identity()));
        List<Task> live = tasks.findByDeletedAtIsNullOrderByNameAsc();
        return live.stream().filter(t -> latest.containsKey(t.getId())).map(t -> TaskSummary.of(t, latest.get(t.getId()))).toList();
    }

    @Transactional(readOnly = true)
    public TaskVersionView get(long id) {
        Task task = live(id);
        return TaskVersionView.of(findVersion(id, task.getLatestVersion()));
    }

    /** The history of a task, newest first; also of a deleted task, whose runs may still be looked at. */
    @Transactional(readOnly = true)
    public List<VersionSummary> versions(long id) {
        if (!tasks.existsById(id)) {
            throw new NotFoundException("No task with id " + id);
        }
        return versions.findByTaskIdOrderByNumberDesc(id).stream().map(VersionSummary::of).toList();
    }

    /** One version of a task, also of a deleted one. */
    @Transactional(readOnly = true)
    public TaskVersionView version(long id, int number) {
        return TaskVersionView.of(findVersion(id, number));
    }

    /** Compiles a script without saving anything. */
    public TaskViews.CheckResult check(String name, String source) {
        try {
            compiler.compile(name == null || name.isBlank() ? "script" : name, source);
            return new TaskViews.CheckResult(true, List.of());
        } catch (ScriptSyntaxException e) {
            return new TaskViews.CheckResult(false, List.of(new TaskViews.ScriptError(e.getMessage(), e.line(), e.column())));
        }
    }

    private TaskVersion saveVersion(Task task, TaskDefinition definition, Instant now) {
        int number = task.nextVersion(definition.name(), now);
        tasks.save(task);
        events.publishEvent(new TaskSaved(task.getId(), number));
        return versions.save(new TaskVersion(task.getId(), number, definition, now, CurrentUser.name()));
    }

    private Task live(long id) {
        return tasks.findByIdAndDeletedAtIsNull(id).orElseThrow(() -> new NotFoundException("No task with id " + id));
    }

    private TaskVersion findVersion(long id, int number) {
        return versions.findByTaskIdAndNumber(id, number)
                .orElseThrow(() -> new NotFoundException("Task " + id + " has no version " + number));
    }

    /** Fills in defaults and checks what bean validation cannot: parameter names and defaults, and the script. */
    private TaskDefinition checked(TaskDefinition request) {
        TaskDefinition definition = request.withDefaults();
        Set<String> names = new HashSet<>();
        for (TaskParameter p : definition.parameters()) {
            if (!names.add(p.name())) {
                throw new InvalidInputException("Parameter '" + p.name() + "' is declared twice");
            }
            if (p.defaultValue() != null) {
                ParameterValues.convert(p, p.defaultValue());
            }
        }
        if (new HashSet<>(definition.modules()).size() != definition.modules().size()) {
            throw new InvalidInputException("A module is granted twice: " + definition.modules());
        }
        compiler.compile(definition.name(), definition.source());
        return definition;
    }
}
