/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import dev.petrel.bench.load.LoadTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchEndpointsTest
{
    @ParameterizedTest
    @CsvSource({
        "tcp://127.0.0.1:5560, true",
        "tcp://localhost:5560, true",
        "tcp://[::1]:5560, true",
        "aeron:udp?endpoint=127.0.0.1:40123, true",
        "aeron:ipc, true",
        "tcp://0.0.0.0:5560, false",
        "tcp://*:5560, false",
        "tcp://10.0.0.7:5560, false",
        "aeron:udp?endpoint=192.168.1.20:40123, false" })
    void shouldRecordOneWayLatencyOnlyForEndpointsOnThisHost(final String endpoint, final boolean local)
    {
        assertEquals(local, BenchEndpoints.isLocal(endpoint));
    }

    @Test
    void shouldTakeTheTransportFromTheEndpoint()
    {
        assertEquals(LoadTransport.TCP, BenchEndpoints.transportOf("tcp://127.0.0.1:1"));
        assertEquals(LoadTransport.AERON_UDP, BenchEndpoints.transportOf("aeron:udp?endpoint=127.0.0.1:1"));
        assertEquals(LoadTransport.AERON_IPC, BenchEndpoints.transportOf("aeron:ipc?stream-id=7"));
        assertThrows(IllegalArgumentException.class, () -> BenchEndpoints.transportOf("inproc://x"));
    }
}
