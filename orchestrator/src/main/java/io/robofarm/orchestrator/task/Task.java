package io.robofarm.orchestrator.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A task's identity and the number of its latest version; what the task does lives in its
 * immutable {@link TaskVersion}s. A deleted task stays as a row (runs and versions point at it),
 * but gives up its name: {@code liveName} is the name while the task is live and null afterwards,
 * and the database keeps live names unique.
 */
@Entity
@Table(name = "tasks")
public class Task {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String liveName;

    private int latestVersion;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant deletedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Task() {
    }

    Task(String name, Instant now) {
        this.name = name;
        this.liveName = name;
        this.latestVersion = 0;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getLatestVersion() {
        return latestVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Moves to the next version number, renaming the task if that version has another name. */
    int nextVersion(String versionName, Instant now) {
        this.name = versionName;
        this.liveName = versionName;
        this.updatedAt = now;
        return ++latestVersion;
    }

    void delete(Instant now) {
        this.liveName = null;
        this.deletedAt = now;
        this.updatedAt = now;
    }
}
