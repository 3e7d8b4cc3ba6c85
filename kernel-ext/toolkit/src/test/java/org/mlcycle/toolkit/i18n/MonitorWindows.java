package org.mlcycle.toolkit.i18n;

import java.util.List;
import org.mlcycle.toolkit.deploy.WindowStats;

/** Monitoring windows for the report-language tests: a day's window with its show rate and alert. */
final class MonitorWindows {
    private MonitorWindows() {}

    static WindowStats window(int day, double showRate, boolean alert) {
        return new WindowStats(
                "day " + day, day, 100, 0, null, 0.3, 0.01, false, 0.0, List.of(), showRate, null, showRate, alert);
    }
}
