package io.robofarm.bench;

import java.util.List;
import java.util.Locale;

/** Renders benchmark measurements as the Markdown table that goes into the README. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(List<Measurement> measurements, BenchOptions options) {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | lua5.4 ms | RoboFarm ms | ratio |\n");
        out.append("|---|---:|---:|---:|\n");
        double logSum = 0;
        int counted = 0;
        for (Measurement m : measurements) {
            if (!m.checksumsMatch()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | failed |%n", m.name(),
                        millis(m.luaNanos()), millis(m.vmNanos())));
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f |%n", m.name(),
                    millis(m.luaNanos()), millis(m.vmNanos()), m.ratio()));
            logSum += Math.log(m.ratio());
            counted++;
        }
        if (counted > 0) {
            out.append(String.format(Locale.ROOT, "| **geometric mean** | | | **%.2f** |%n", Math.exp(logSum / counted)));
        }
        out.append(String.format(Locale.ROOT,
                "%nMedian wall time of %d runs; RoboFarm in-process after %d warm-up runs, lua5.4 as a fresh process.%n",
                options.runs(), options.warmups()));
        if (options.limits()) {
            out.append("RoboFarm ran with limits on: ").append(String.join(" ", options.hostOptions())).append(".\n");
        }
        return out.toString();
    }

    private static String millis(long nanos) {
        return nanos == 0 ? "-" : String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }
}
