package dev.petrel.bench.jmh;

import dev.petrel.BufferHandler;
import org.agrona.DirectBuffer;

/**
 * Counts the payloads a zero-copy subscription or puller hands over, on the node's I/O thread (the only writer).
 */
final class CountingBufferHandler implements BufferHandler
{
    private volatile long messages;

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        messages = messages + 1;
    }

    long messages()
    {
        return messages;
    }
}
