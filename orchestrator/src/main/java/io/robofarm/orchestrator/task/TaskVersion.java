package io.robofarm.orchestrator.task;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;

/**
 * One saved state of a task: everything a run needs, written once and never changed, so a run can
 * always say exactly which script and limits it ran with.
 */
@Entity
@Immutable
@Table(name = "task_versions")
public class TaskVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long taskId;

    private int number;

    private String name;

    private String description;

    @Column(length = 1_000_000)
    private String source;

    @Embedded
    private TaskLimits limits;

    @Enumerated(EnumType.STRING)
    private OverlapPolicy overlapPolicy;

    @Embedded
    private RetryPolicy retry;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_version_parameters", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    private List<TaskParameter> parameters;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_version_modules", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    @Column(name = "module")
    private List<String> modules;

    private Instant createdAt;

    private String createdBy;

    protected TaskVersion() {
    }

    TaskVersion(long taskId, int number, TaskDefinition definition, Instant createdAt, String createdBy) {
        this.taskId = taskId;
        this.number = number;
        this.name = definition.name();
        this.description = definition.description();
        this.source = definition.source();
        this.limits = definition.limits();
        this.overlapPolicy = definition.overlapPolicy();
        this.retry = definition.retry();
        this.parameters = List.copyOf(definition.parameters());
        this.modules = List.copyOf(definition.modules());
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public long getTaskId() {
        return taskId;
    }

    public int getNumber() {
        return number;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getSource() {
        return source;
    }

    public TaskLimits getLimits() {
        return limits;
    }

    public OverlapPolicy getOverlapPolicy() {
        return overlapPolicy;
    }

    public RetryPolicy getRetry() {
        return retry;
    }

    public List<TaskParameter> getParameters() {
        return List.copyOf(parameters);
    }

    public List<String> getModules() {
        return List.copyOf(modules);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
