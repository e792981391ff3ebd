package dev.petrel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.petrel.test.DurableReceiverProcess;
import dev.petrel.test.DurableSenderProcess;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A sender JVM and a receiver JVM exchange a numbered durable stream while the test kills one of them with
 * {@code kill -9} at random moments and restarts it; at the end the receiver has processed every number exactly
 * once.
 */
@Tag("crash")
class DurableCrashTest
{
    private static final int TOTAL = 2_000;
    private static final int KILLS = 24;
    private static final long PACE_MICROS = 10_000;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private String endpoint;
    private Path output;

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void shouldProcessEveryNumberExactlyOnceWhenEitherSideIsKilledRepeatedly() throws Exception
    {
        final long seed = System.nanoTime();
        System.out.println("DurableCrashTest seed " + seed);
        final Random random = new Random(seed);
        endpoint = "tcp://127.0.0.1:" + Tests.freePort();
        output = dir.resolve("processed.txt");
        Process sender = startSender();
        Process receiver = startReceiver();
        final long start = System.nanoTime();
        int senderKills = 0;
        try
        {
            for (int kill = 0; kill < KILLS; kill++)
            {
                // The random wait is the point of the test: the kill must land at an arbitrary moment.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(900)));
                if (random.nextBoolean())
                {
                    kill(sender);
                    sender = startSender();
                    senderKills++;
                }
                else
                {
                    kill(receiver);
                    receiver = startReceiver();
                }
            }
            final long killedAtNs = System.nanoTime() - start;
            if (!Tests.awaitQuietly(() -> counts().size() == TOTAL, DRAIN_TIMEOUT))
            {
                fail("not every number processed " + DRAIN_TIMEOUT.toSeconds() + " s after the last kill (seed " +
                    seed + "): " + counts().size() + " of " + TOTAL + ", first missing " + firstMissing() +
                    "\nsender: " + tail("sender.out") + "\nreceiver: " + tail("receiver.out"));
            }
            System.out.printf("DurableCrashTest: %d kills (%d of the sender) in %d ms, drained after %d ms, " +
                "%d redelivered numbers found already processed%n", KILLS, senderKills, killedAtNs / 1_000_000,
                (System.nanoTime() - start) / 1_000_000, redeliveredAlreadyProcessed());
        }
        finally
        {
            sender.destroyForcibly().waitFor();
            receiver.destroyForcibly().waitFor();
        }
        final Map<Integer, Integer> counts = counts();
        final List<String> wrong = new ArrayList<>();
        for (int number = 1; number <= TOTAL; number++)
        {
            final int times = counts.getOrDefault(number, 0);
            if (1 != times)
            {
                wrong.add(number + "x" + times);
            }
        }
        assertEquals(List.of(), wrong, "numbers not processed exactly once (seed " + seed + ")");
        assertEquals(TOTAL, counts.size());
    }

    private long redeliveredAlreadyProcessed() throws IOException
    {
        try (java.util.stream.Stream<String> lines = Files.lines(dir.resolve("receiver.out")))
        {
            return lines.filter(line -> line.endsWith("was processed before")).count();
        }
    }

    private List<Integer> firstMissing()
    {
        final Map<Integer, Integer> counts = counts();
        final List<Integer> missing = new ArrayList<>();
        for (int number = 1; number <= TOTAL && missing.size() < 10; number++)
        {
            if (!counts.containsKey(number))
            {
                missing.add(number);
            }
        }
        return missing;
    }

    private String tail(final String file)
    {
        try
        {
            final List<String> lines = Files.readAllLines(dir.resolve(file));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        }
        catch (final IOException ex)
        {
            return "(no output: " + ex.getMessage() + ")";
        }
    }

    private Map<Integer, Integer> counts()
    {
        final Map<Integer, Integer> counts = new TreeMap<>();
        try
        {
            if (Files.exists(output))
            {
                for (final String line : Files.readAllLines(output))
                {
                    // A killed receiver may leave a partial last line; only whole lines were processed.
                    if (!line.isEmpty())
                    {
                        counts.merge(Integer.parseInt(line), 1, Integer::sum);
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            fail(ex);
        }
        return counts;
    }

    private static void kill(final Process process) throws InterruptedException
    {
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "killed process exits");
    }

    private Process startSender() throws IOException
    {
        return start(DurableSenderProcess.class.getName(), "sender",
            dir.resolve("sender-log").toString(), endpoint, Integer.toString(TOTAL), Long.toString(PACE_MICROS));
    }

    private Process startReceiver() throws IOException
    {
        return start(DurableReceiverProcess.class.getName(), "receiver",
            dir.resolve("receiver-state").toString(), endpoint, output.toString());
    }

    private Process start(final String mainClass, final String role, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        final Path log = dir.resolve(role + ".out");
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
