package dev.petrel;

import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * What a {@link DurableDispatcher} needs to know about its socket's pattern: which connected receivers want a log
 * record, and the frames that carry it to them. Called on the I/O thread only.
 */
interface DeliveryRoute
{
    /** The receiver wants the record. */
    byte SEND = 0;
    /** The receiver does not want the record. */
    byte SKIP = 1;
    /** The receiver cannot say yet (it has not told what it wants); neither send nor skip. */
    byte HOLD = 2;

    /**
     * Judges whether the receiver on a pipe wants a record.
     *
     * @param pipe     the receiver's connection.
     * @param sequence the record's sequence.
     * @param record   the record, starting at 0.
     * @param length   the record length.
     * @return {@link #SEND}, {@link #SKIP} or {@link #HOLD}.
     */
    byte verdict(Pipe pipe, long sequence, DirectBuffer record, int length);

    /**
     * @return true when {@link #verdict} is {@link #SEND} for every record and pipe, so a dispatcher may send a run
     *         of records without asking for each.
     */
    default boolean sendsEverything()
    {
        return false;
    }

    /**
     * Puts the frames of the message carrying a record into {@code frames} (reset first).
     *
     * @param frames      to fill.
     * @param scratch     for the envelope.
     * @param sequence    the record's sequence.
     * @param timestampNs the publish timestamp the envelope carries, epoch nanoseconds.
     * @param record      the record, starting at 0.
     * @param length      the record length.
     */
    void encode(
        OutboundFrames frames, ExpandableArrayBuffer scratch, long sequence, long timestampNs, DirectBuffer record,
        int length);
}
