package io.robofarm.orchestrator.schedule;

/**
 * What a schedule does about fire times it missed while the farm was down or overloaded (by more
 * than Quartz's misfire threshold): run once now, or skip to the next regular fire time.
 */
public enum MisfirePolicy {
    FIRE_NOW,
    SKIP
}
