package io.robofarm.bench;

/** What one run of a benchmark printed, and how long it took in nanoseconds of wall time. */
record Timed(String output, long nanos) {
}
