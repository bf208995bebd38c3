package io.robofarm.orchestrator.run;

/** What started a run: a person in the browser, a schedule firing, or a client of the REST API. */
public enum RunTrigger {
    USER,
    SCHEDULE,
    API
}
