package io.robofarm.vm.host;

/** Where a line of robot output came from: {@code print}, or a {@code log} function and its level. */
public enum OutputLevel {
    PRINT, INFO, WARN, ERROR
}
