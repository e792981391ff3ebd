package dev.petrel.bench;

/**
 * The bounds of one pass: how many messages to send and how long the pass may take at most.
 *
 * @param messages  messages the sender sends (fewer when the time cap ends the pass first).
 * @param timeCapNs the longest the pass may run, sending and receiving, in nanoseconds.
 */
public record PassPlan(long messages, long timeCapNs)
{
    /**
     * @param messages  messages to send; at least 1.
     * @param timeCapNs time cap; positive.
     */
    public PassPlan
    {
        if (messages < 1 || timeCapNs <= 0)
        {
            throw new IllegalArgumentException("a pass needs at least one message and a positive time cap");
        }
    }
}
