package dev.petrel;

import org.agrona.DirectBuffer;

/**
 * Receives payloads without copying: the view is valid only during the call. Called on the node's I/O thread,
 * so it must not block; copy what must outlive the call.
 */
@FunctionalInterface
public interface BufferHandler
{
    /**
     * @param buffer holding the payload.
     * @param offset where it starts.
     * @param length its length.
     */
    void onMessage(DirectBuffer buffer, int offset, int length);
}
