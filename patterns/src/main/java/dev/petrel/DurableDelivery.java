package dev.petrel;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.RecordHandler;
import dev.petrel.transport.Pipe;

/**
 * How a {@link DurableSender} delivers its log to the durable receivers: a {@link DurableDispatcher} shares one
 * stream among them (push/pull), a {@link DurableFanOut} gives each receiver name a stream of its own (pub/sub).
 * Everything runs on the I/O thread except {@link #loadedThrough()}.
 */
interface DurableDelivery
{
    /**
     * Creates the delivery once the sender has opened its log.
     */
    @FunctionalInterface
    interface Factory
    {
        /**
         * @param sender     the sender, for dead letters and errors.
         * @param log        the open log.
         * @param producerId the sender's producer ID.
         * @param base       the lowest sequence every known receiver acknowledged everything up to (a delivery
         *                   with a stream per receiver starts each at that receiver's own position instead).
         * @return the delivery.
         */
        DurableDelivery create(DurableSender sender, DurableLog log, long producerId, long base);
    }

    /**
     * Loads new records and sends everything waiting for a receiver.
     *
     * @param nowNs the I/O thread's clock.
     * @return true when a pipe without room stopped the pass, or another pass is due.
     */
    boolean dispatch(long nowNs);

    /**
     * @return what each append of the sending threads shows its record to (under the log's append lock), or null.
     */
    default RecordHandler appendObserver()
    {
        return null;
    }

    /**
     * @return how far the delivery has taken records off the log, for the back pressure of the sending threads
     *         (any thread).
     */
    long loadedThrough();

    /**
     * A peer announced itself as a durable receiver.
     *
     * @param pipe the peer's connection.
     * @param name the receiver name.
     */
    void onAttach(Pipe pipe, String name);

    /**
     * @param pipe  the receiver's connection.
     * @param count messages acknowledged on it since it opened.
     * @return true when an acknowledged position moved.
     */
    boolean onAck(Pipe pipe, long count);

    /**
     * @param pipe  the receiver's connection.
     * @param index of the failed message on it, counting from 1.
     */
    void onNack(Pipe pipe, long index);

    /**
     * @param pipe the connection that went away.
     */
    void onDetached(Pipe pipe);

    /**
     * Puts back what receivers held unacknowledged for longer than the timeout.
     *
     * @param nowNs     the clock.
     * @param timeoutNs the redelivery timeout.
     */
    void onTick(long nowNs, long timeoutNs);

    /**
     * @return true when a dispatch pass moved an acknowledged position since the last call (skipped records).
     */
    boolean takeBaseMoved();

    /**
     * @return the sequence up to which every receiver acknowledged everything.
     */
    long acknowledged();

    /**
     * @param name a receiver name known to the log.
     * @return the sequence up to which that receiver acknowledged everything.
     */
    long acknowledged(String name);

    /**
     * @param dispatcher one of this delivery's dispatchers.
     * @return the one receiver name it delivers to, or null when it serves every receiver.
     */
    String receiverName(DurableDispatcher dispatcher);

    /**
     * Stops delivering and releases the log readers.
     */
    void close();
}
