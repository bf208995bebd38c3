package io.robofarm.orchestrator.user;

/**
 * What a user may do; each role includes the ones below it (ADMIN > DEVELOPER > OPERATOR > VIEWER).
 */
public enum Role {
    /** Users and everything else. */
    ADMIN,
    /** Writes tasks and schedules. */
    DEVELOPER,
    /** Starts and cancels runs. */
    OPERATOR,
    /** Reads everything but users. */
    VIEWER
}
