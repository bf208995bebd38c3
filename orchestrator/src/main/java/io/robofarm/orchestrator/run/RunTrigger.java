package io.robofarm.orchestrator.run;

/** What started a run: a person in the browser, a schedule firing, or a client of the REST API. */
public enum RunTrigger {
    USER,
    SCHEDULE,
    API;

    /** API for a request with HTTP Basic credentials (a script or client), USER otherwise (the dashboard's session). */
    public static RunTrigger ofAuthorization(String authorizationHeader) {
        return authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6) ? API : USER;
    }
}
