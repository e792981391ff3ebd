package dev.petrel.bench;

import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.Node;
import dev.petrel.NodeContext;

/**
 * Finds out whether Petrel's Aeron transport works in this JVM by binding an {@code aeron:ipc} endpoint in a
 * throw-away node, and hands out IPC stream ids that no other endpoint of this run uses.
 */
final class AeronProbe
{
    private static final AtomicInteger NEXT_STREAM_ID = new AtomicInteger(7000);

    private AeronProbe()
    {
    }

    /**
     * @param idleStrategy the node's I/O idle strategy.
     * @return null when an {@code aeron:ipc} endpoint binds; otherwise the one-line reason it does not.
     */
    static String unavailableReason(final String idleStrategy)
    {
        try (Node node = Node.create(new NodeContext().idleStrategy(idleStrategy)))
        {
            node.puller().bind(ipcEndpoint());
            return null;
        }
        catch (final RuntimeException | LinkageError ex)
        {
            final String message = String.valueOf(ex.getMessage());
            final int newline = message.indexOf('\n');
            return ex.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
        }
    }

    /**
     * @return {@code aeron:ipc?stream-id=N} with a stream id not used before in this JVM.
     */
    static String ipcEndpoint()
    {
        return "aeron:ipc?stream-id=" + NEXT_STREAM_ID.incrementAndGet();
    }

    /**
     * @return a fresh stream id for raw Aeron streams.
     */
    static int nextStreamId()
    {
        return NEXT_STREAM_ID.incrementAndGet();
    }
}
