package io.robofarm.orchestrator.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;

/**
 * One execution of one task version in one VM, as persisted: who started it, with which parameters,
 * where it is ({@link RunState}), and once it ended, what it returned or why it failed. Its state only
 * moves through {@link #moveTo}, which enforces {@link RunTransitions}.
 */
@Entity
@Table(name = "runs")
public class Run {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private long taskId;

    @Column(name = "task_name", nullable = false)
    private String taskName;

    @Column(name = "task_version", nullable = false)
    private int taskVersion;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private RunState state;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "trigger_type", nullable = false)
    private RunTrigger trigger;

    /** The username for USER and API runs, null for schedules. */
    @Column(name = "triggered_by")
    private String triggeredBy;

    @Column(name = "schedule_id")
    private Long scheduleId;

    /** When the schedule fired that queued this run (a retry keeps its first attempt's); null for other runs. */
    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    /** The parameters given to the script, as a JSON object. */
    @Column(nullable = false)
    private String parameters;

    @Column(nullable = false)
    private int priority;

    /** 1 for a first attempt; a retry after a crash counts on. */
    @Column(nullable = false)
    private int attempt;

    /** The run this one retries, if it is a retry. */
    @Column(name = "retry_of")
    private Long retryOf;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    /** The dispatcher leaves the run QUEUED until then: a retry waits out its task's backoff. */
    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    /** The script's return values, as a JSON array. */
    private String results;

    @Column(name = "fuel_used")
    private Long fuelUsed;

    @Column(name = "peak_memory")
    private Long peakMemory;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "error_traceback")
    private String errorTraceback;

    @Column(name = "error_line")
    private Integer errorLine;

    protected Run() {
    }

    /** A new QUEUED run of {@code taskName} version {@code taskVersion}. */
    public static Run queued(long taskId, String taskName, int taskVersion, RunTrigger trigger, String triggeredBy,
                             Long scheduleId, String parametersJson, int priority, Instant now) {
        Run run = new Run();
        run.taskId = taskId;
        run.taskName = taskName;
        run.taskVersion = taskVersion;
        run.state = RunState.QUEUED;
        run.trigger = trigger;
        run.triggeredBy = triggeredBy;
        run.scheduleId = scheduleId;
        run.parameters = parametersJson;
        run.priority = priority;
        run.attempt = 1;
        run.queuedAt = now;
        run.notBefore = now;
        return run;
    }

    /** A new QUEUED attempt of this run (after a failure, or its node died under it) that waits {@code backoff} first. */
    public Run retry(Instant now, Duration backoff) {
        Run next = queued(taskId, taskName, taskVersion, trigger, triggeredBy, scheduleId, parameters, priority, now);
        next.scheduledAt = scheduledAt;
        next.attempt = attempt + 1;
        next.retryOf = id;
        next.notBefore = now.plus(backoff);
        return next;
    }

    /** Records the fire time of the schedule that queues this new run; returns this run. */
    public Run firedAt(Instant fireTime) {
        this.scheduledAt = fireTime;
        return this;
    }

    /**
     * Moves the run to {@code to} at {@code now}, stamping its start or end time.
     *
     * @throws IllegalRunTransitionException when {@link RunTransitions} forbids the move
     */
    public void moveTo(RunState to, Instant now) {
        if (!RunTransitions.isAllowed(state, to)) {
            throw new IllegalRunTransitionException(id, state, to);
        }
        if (to == RunState.RUNNING && startedAt == null) {
            startedAt = now;
        }
        if (to.isFinal()) {
            endedAt = now;
        }
        state = to;
    }

    /** Records what the VM used; either may be null when the VM never started. */
    public void recordUsage(Long fuelUsed, Long peakMemory) {
        this.fuelUsed = fuelUsed;
        this.peakMemory = peakMemory;
    }

    public void recordResults(String resultsJson) {
        this.results = resultsJson;
    }

    /** Records why the run failed: the message, the Lua traceback and the line, each optional but the message. */
    public void recordError(String message, String traceback, Integer line) {
        this.errorMessage = message;
        this.errorTraceback = traceback;
        this.errorLine = line;
    }

    public Long getId() {
        return id;
    }

    public long getTaskId() {
        return taskId;
    }

    public String getTaskName() {
        return taskName;
    }

    public int getTaskVersion() {
        return taskVersion;
    }

    public RunState getState() {
        return state;
    }

    public RunTrigger getTrigger() {
        return trigger;
    }

    public String getTriggeredBy() {
        return triggeredBy;
    }

    public Long getScheduleId() {
        return scheduleId;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public String getParameters() {
        return parameters;
    }

    public int getPriority() {
        return priority;
    }

    public int getAttempt() {
        return attempt;
    }

    public Long getRetryOf() {
        return retryOf;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getResults() {
        return results;
    }

    public Long getFuelUsed() {
        return fuelUsed;
    }

    public Long getPeakMemory() {
        return peakMemory;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getErrorTraceback() {
        return errorTraceback;
    }

    public Integer getErrorLine() {
        return errorLine;
    }
}
