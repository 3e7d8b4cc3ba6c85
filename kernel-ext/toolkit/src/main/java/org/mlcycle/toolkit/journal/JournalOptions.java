package org.mlcycle.toolkit.journal;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Journal} is opened: how long a write waits for another kernel's write to finish
 * before giving up ({@code busyTimeout}), and the clock that stamps records (fixed in tests).
 */
@CheckReturnValue
public record JournalOptions(Duration busyTimeout, Clock clock) {

    /** Wait up to 10 seconds for another writer; the system clock in UTC. */
    public static JournalOptions defaults() {
        return new JournalOptions(Duration.ofSeconds(10), Clock.systemUTC());
    }

    public JournalOptions {
        Objects.requireNonNull(busyTimeout, "journal options: busyTimeout is null");
        Objects.requireNonNull(clock, "journal options: clock is null");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("journal options: busyTimeout out of range: " + busyTimeout);
        }
    }

    public JournalOptions withBusyTimeout(Duration busyTimeout) {
        return new JournalOptions(busyTimeout, clock);
    }

    public JournalOptions withClock(Clock clock) {
        return new JournalOptions(busyTimeout, clock);
    }
}
