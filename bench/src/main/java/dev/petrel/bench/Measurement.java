package dev.petrel.bench;

/**
 * What one measured pass saw. Rates count received messages only, over the time from the first send to the last
 * receipt, so messages a subscriber lost never inflate them.
 *
 * @param sent      messages the sender handed to the library.
 * @param received  messages the receiver got.
 * @param elapsedNs from the first send to the last receipt.
 * @param capped    true when the time cap ended the pass before the sender or receiver was done.
 */
public record Measurement(long sent, long received, long elapsedNs, boolean capped)
{
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double BYTES_PER_MB = 1e6;

    /**
     * @return messages sent but never received.
     */
    public long lost()
    {
        return Math.max(0, sent - received);
    }

    /**
     * @return received messages per second; 0 when nothing arrived.
     */
    public double messagesPerSecond()
    {
        return elapsedNs <= 0 ? 0 : received * NANOS_PER_SECOND / elapsedNs;
    }

    /**
     * @param messageLength payload bytes per message.
     * @return received payload megabytes (10^6 bytes) per second.
     */
    public double megabytesPerSecond(final int messageLength)
    {
        return messagesPerSecond() * messageLength / BYTES_PER_MB;
    }
}
