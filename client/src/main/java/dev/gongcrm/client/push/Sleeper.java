package dev.gongcrm.client.push;

import java.time.Duration;

/** How a push waits (between polls, for the settle time): real sleep, or a test's record of the waits. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
