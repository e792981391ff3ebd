package dev.petrel.test;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Aeron endpoints for tests: an ephemeral UDP port on 127.0.0.1, or an IPC stream no other test uses.
 */
public final class AeronEndpoints
{
    private static final AtomicInteger IPC_STREAMS = new AtomicInteger(2000);

    private AeronEndpoints()
    {
    }

    /**
     * @param media {@code udp} or {@code ipc}.
     * @return an endpoint to bind on that medium.
     */
    public static String bindEndpoint(final String media)
    {
        return "udp".equals(media) ? "aeron:udp?endpoint=127.0.0.1:0" :
            "aeron:ipc?stream-id=" + IPC_STREAMS.incrementAndGet();
    }
}
