package io.robofarm.orchestrator.task;

/** The Lua type a declared task parameter arrives as in the script's parameter table. */
public enum ParameterType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN
}
