package dev.petrel;

/**
 * Receives messages. Called on the node's I/O thread: it must not block.
 */
@FunctionalInterface
public interface MessageHandler
{
    /**
     * @param message the message.
     */
    void onMessage(Message message);
}
