package io.robofarm.orchestrator.schedule;

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

import java.time.Instant;

/**
 * A schedule as the user defined it: which task to run, when ({@link Timing}), with which
 * parameters and priority, and whether it is paused. Its Quartz trigger (named after its id) is
 * derived from it and changed in the same transaction.
 */
@Entity
@Table(name = "schedules")
public class Schedule {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "task_id", nullable = false)
    private long taskId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private ScheduleType type;

    @Column(name = "cron_expression")
    private String cron;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "interval_seconds")
    private Long intervalSeconds;

    @Column(name = "run_at")
    private Instant at;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "misfire_policy", nullable = false)
    private MisfirePolicy misfirePolicy;

    /** Run parameters as a JSON object. */
    @Column(nullable = false)
    private String parameters;

    @Column(nullable = false)
    private int priority;

    @Column(nullable = false)
    private boolean paused;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Schedule() {
    }

    public Schedule(String createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces everything the user can edit. */
    public void define(String name, long taskId, Timing timing, MisfirePolicy misfirePolicy, String parametersJson,
                       int priority, Instant now) {
        this.name = name;
        this.taskId = taskId;
        this.type = timing.type();
        this.cron = timing.cron();
        this.timeZone = timing.timeZone();
        this.intervalSeconds = timing.intervalSeconds();
        this.at = timing.at();
        this.misfirePolicy = misfirePolicy;
        this.parameters = parametersJson;
        this.priority = priority;
        this.updatedAt = now;
    }

    public void setPaused(boolean paused, Instant now) {
        this.paused = paused;
        this.updatedAt = now;
    }

    public Timing timing() {
        return new Timing(type, cron, timeZone, intervalSeconds, at);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getTaskId() {
        return taskId;
    }

    public MisfirePolicy getMisfirePolicy() {
        return misfirePolicy;
    }

    public String getParameters() {
        return parameters;
    }

    public int getPriority() {
        return priority;
    }

    public boolean isPaused() {
        return paused;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
