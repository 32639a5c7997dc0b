package dev.hookline.it;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of {@code /api/metrics} parsed as Prometheus text: every sample by its name and labels as written. */
final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)");

    final Map<String, Double> samples = new HashMap<>();
    final Map<String, String> types = new HashMap<>();

    PrometheusScrape(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP") || line.isBlank()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                types.put(type.group(1), type.group(2));
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample line: " + line);
            }
            String value = sample.group(3);
            samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                    value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value));
        }
    }

    /** The value of a sample, 0 when it is not there (a counter not yet incremented). */
    double value(String sample) {
        return samples.getOrDefault(sample, 0.0);
    }
}
