package dev.petrel.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NatsServerTest
{
    private static final Path BINARY = RunnerOptions.parse().natsServer();

    @Test
    @Timeout(20)
    void shouldStartOnFreeLoopbackPortAndStopWithinBoundedWait() throws IOException
    {
        assumeTrue(NatsServer.isAvailable(BINARY), "nats-server not installed");
        final NatsServer server = NatsServer.start(BINARY, Duration.ofSeconds(10));
        final URI url = URI.create(server.url());
        try
        {
            assertEquals("127.0.0.1", url.getHost());
            assertTrue(server.isRunning());
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), url.getPort()))
            {
                assertTrue(socket.isConnected());
            }
        }
        finally
        {
            server.close();
        }
        assertFalse(server.isRunning());
    }

    @Test
    @Timeout(20)
    void shouldCarryRoundTripThroughStartedServer() throws IOException
    {
        assumeTrue(NatsServer.isAvailable(BINARY), "nats-server not installed");
        try (NatsServer server = NatsServer.start(BINARY, Duration.ofSeconds(10));
            NatsReqRepTrial trial = new NatsReqRepTrial(server.url(), 64, Duration.ofSeconds(5)))
        {
            assertTrue(trial.roundTrip(System.nanoTime() + Duration.ofSeconds(5).toNanos()));
        }
    }

    @Test
    void shouldReportMissingBinaryAsUnavailable()
    {
        assertFalse(NatsServer.isAvailable(Path.of("/nonexistent/nats-server")));
    }

    @Test
    @Timeout(20)
    void shouldPrintNotFoundRowsInsteadOfFailingWhenBinaryIsMissing() throws IOException
    {
        final RunnerOptions options = RunnerOptions.parse("--warm-up", "0", "--only", "nats", "--messages", "2000",
            "--round-trips", "100", "--row-cap", "2", "--nats-server", "/nonexistent/nats-server");

        final String report = new ComparisonRunner(options, NullLog.STREAM).run();

        assertTrue(report.contains("| 1 | "), report);
        assertTrue(report.contains("nats-server not found"), report);
        assertTrue(report.contains("| Petrel Requester / Replier | TCP, peer to peer | 100 |"), report);
    }
}
