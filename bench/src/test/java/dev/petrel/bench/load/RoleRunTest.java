/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoleRunTest
{
    @ParameterizedTest
    @CsvSource({ "sub, pub", "puller, pusher", "replier, requester" })
    void shouldRunEachSideOfATwoProcessWorkloadOnItsOwn(final String receiving, final String sending)
        throws IOException, InterruptedException, ExecutionException, TimeoutException
    {
        final LoadRole receiver = LoadRole.fromLabel(receiving);
        final String endpoint = "tcp://127.0.0.1:" + freePort();
        final LoadSettings settings = LoadSettings.builder(receiver.pattern(), LoadTransport.TCP)
            .count(2000)
            .inFlight(8)
            .warmup(Duration.ofMillis(100))
            .timeCap(Duration.ofSeconds(20))
            .build();
        final CompletableFuture<LoadResult> received = CompletableFuture.supplyAsync(
            () -> new LoadRunner(LoadProgress.NONE).runReceiver(receiver, endpoint, settings, true));

        final LoadResult sent = new LoadRunner(LoadProgress.NONE)
            .runSender(LoadRole.fromLabel(sending), endpoint, settings);

        final LoadResult result = received.get(20, TimeUnit.SECONDS);
        assertEquals(2000, sent.sent());
        assertEquals(2000, result.received());
        assertEquals(0, result.lost());
        assertEquals(2000, result.latencyNs().getTotalCount());
        assertEquals(LoadRole.REQUESTER.label().equals(sending) ? 2000 : 0, sent.latencyNs().getTotalCount());
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
