package dev.petrel;

import java.util.Map;

/**
 * A snapshot of a node's counters.
 *
 * @param errors             unexpected errors on the I/O thread (the node kept running).
 * @param connectionsClosed  connections closed for a reason other than an orderly shutdown.
 * @param closeReasons       those closings counted by reason.
 */
public record NodeStats(long errors, long connectionsClosed, Map<String, Long> closeReasons)
{
}
