package dev.petrel.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.petrel.MessageHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Helpers of the durable-stream tests: how often each numbered message was processed, and which segments a side
 * log still keeps.
 */
public final class DeliveryCounts
{
    private DeliveryCounts()
    {
    }

    /**
     * @return an empty count per message number, safe to fill from the I/O thread.
     */
    public static Map<Integer, AtomicInteger> counter()
    {
        return new ConcurrentHashMap<>();
    }

    /**
     * @param counts filled with how often each number arrives.
     * @return a handler counting messages whose payload is a decimal number.
     */
    public static MessageHandler counting(final Map<Integer, AtomicInteger> counts)
    {
        return m -> counts.computeIfAbsent(Integer.parseInt(m.payloadAsString()), k -> new AtomicInteger())
            .incrementAndGet();
    }

    /**
     * @param counts what was processed.
     * @param total  how many distinct numbers should have been, each exactly once.
     */
    public static void assertEachOnce(final Map<Integer, AtomicInteger> counts, final int total)
    {
        assertEquals(total, counts.size(), "distinct messages processed");
        counts.forEach((number, count) -> assertEquals(1, count.get(), "times " + number + " was processed"));
    }

    /**
     * @param logDir a side log's directory.
     * @return the first sequence of the oldest segment file kept, or -1 when there is none.
     * @throws IOException when the directory cannot be listed.
     */
    public static long firstSegmentSequence(final Path logDir) throws IOException
    {
        try (Stream<Path> files = Files.list(logDir))
        {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".log"))
                .mapToLong(f -> Long.parseLong(f.substring(0, f.length() - 4))).min().orElse(-1);
        }
    }
}
