package dev.petrel;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import dev.petrel.durability.DedupResult;
import dev.petrel.patterns.DurableCommand;
import dev.petrel.patterns.Envelope;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.InboundFrames;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The durable side of a {@link Puller} or {@link Subscriber}: announces the receiver name to each Petrel peer,
 * drops duplicates by (producer ID, sequence) with a {@link DedupJournal}, records each processed message and then
 * acknowledges it. A message from a durable pusher is an envelope frame and a payload frame; one from a durable
 * publisher has a subject frame first.
 * <p>
 * Runs on the I/O thread (the only writer of a socket's pipes), except {@link #complete(Message)}, which receiving
 * threads call and which hands the acknowledgement to the I/O thread. Each message the handler processed is
 * journalled at once, and acknowledged cumulatively in batches: once {@value #ACK_BATCH} are waiting, otherwise
 * when the I/O thread's read pass ends. A message delivered to the receive queue and not yet completed is neither
 * acknowledged nor accepted again while it waits, so a crash before completion has it delivered again. A message
 * whose handler threw, or that was lost with its connection before reaching the receive queue, is processed again
 * when it is redelivered.
 */
final class DurableReceiver
{
    static final int ACK_BATCH = 256;

    private final SocketBase socket;
    private final Predicate<Message> inbox;
    private final String name;
    private final DedupJournal journal;
    private final Envelope envelope = new Envelope();
    private final OutboundFrames ioFrames = new OutboundFrames();
    private final ExpandableArrayBuffer ioScratch = new ExpandableArrayBuffer(64);
    private final Set<Receipt> outstanding = new HashSet<>();
    private final Set<Receipt> unprocessed = new HashSet<>();
    private final Queue<Receipt> completed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flush;
    private int unacknowledged;

    /**
     * @param inbox offers a message to the socket's receive queue; false when it has no room.
     */
    DurableReceiver(final SocketBase socket, final Predicate<Message> inbox, final String name, final Path stateDir)
    {
        final int nameLength = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (0 == nameLength || nameLength > dev.petrel.durability.ReceiverCursors.MAX_NAME_LENGTH)
        {
            throw new IllegalArgumentException("a durable receiver name has 1.." +
                dev.petrel.durability.ReceiverCursors.MAX_NAME_LENGTH + " UTF-8 bytes: '" + name + "'");
        }
        this.socket = socket;
        this.inbox = inbox;
        this.name = name;
        this.journal = new DedupJournal(stateDir);
    }

    void onAttached(final Pipe pipe)
    {
        if (pipe.isPetrelPeer())
        {
            pipe.attachment(new ReceiverLink(pipe));
            ioFrames.reset().add(ioScratch, 0, DurableCommand.encodeAttach(ioScratch, name)).asCommand();
            pipe.tryOffer(ioFrames);
        }
    }

    String onCommand(final Pipe pipe, final String command, final DirectBuffer buffer, final int offset,
        final int length)
    {
        if (DurableCommand.STREAM.equals(command) && pipe.attachment() instanceof ReceiverLink)
        {
            final ReceiverLink link = (ReceiverLink)pipe.attachment();
            link.stream(DurableCommand.longField(buffer, offset, length, 0),
                DurableCommand.longField(buffer, offset, length, 1));
            journal.window().advance(link.producerId(), link.base());
        }
        return null;
    }

    /**
     * @return true when the message comes from a durable pusher and is handled here.
     */
    boolean accepts(final Pipe pipe)
    {
        return pipe.attachment() instanceof ReceiverLink && ((ReceiverLink)pipe.attachment()).streamKnown();
    }

    /**
     * Handles a message from a durable pusher.
     *
     * @return false when the receive queue is full and the message must be offered again.
     */
    boolean onMessage(final Pipe pipe, final InboundFrames frames, final MessageHandler handler)
    {
        final ReceiverLink link = (ReceiverLink)pipe.attachment();
        if (null != link.held())
        {
            return offerHeld(link);
        }
        final int envelopeFrame = frames.count() - 2;
        if (0 != envelopeFrame && 1 != envelopeFrame)
        {
            socket.countDrop(pipe, DropReason.MALFORMED);
            return true;
        }
        try
        {
            MessageCodec.decodeEnvelope(envelope, frames, envelopeFrame);
        }
        catch (final IllegalArgumentException ex)
        {
            socket.countDrop(pipe, DropReason.MALFORMED);
            return true;
        }
        final long sequence = envelope.sequence();
        final long arrival = link.nextArrival();
        final DedupResult result = journal.window().onMessage(link.producerId(), sequence);
        if (DedupResult.BEYOND_WINDOW == result)
        {
            socket.countDrop(pipe, DropReason.MALFORMED);
            return true;
        }
        final Receipt receipt = new Receipt(link, link.producerId(), sequence, link.base(), arrival);
        if (DedupResult.DUPLICATE == result && !unprocessed.remove(key(receipt)))
        {
            if (!outstanding.contains(key(receipt)))
            {
                link.ack(sequence, arrival);
                scheduleFlush();
            }
            return true;
        }
        final String subject = 0 == envelopeFrame ? "" : MessageCodec.text(frames, 0);
        final Message message = MessageCodec.fromEnvelope(subject, envelope, frames, envelopeFrame + 1);
        if (null != handler)
        {
            return handle(handler, message, receipt);
        }
        message.receipt = receipt;
        outstanding.add(key(receipt));
        link.held(message);
        return offerHeld(link);
    }

    private boolean handle(final MessageHandler handler, final Message message, final Receipt receipt)
    {
        try
        {
            handler.onMessage(message);
        }
        catch (final RuntimeException ex)
        {
            unprocessed.add(key(receipt));
            receipt.link().failed(receipt.sequence(), receipt.arrival());
            flush();
            throw ex;
        }
        socket.received.incrementAndGet();
        journal.record(ioScratch, receipt.producerId(), receipt.sequence(), receipt.base());
        receipt.link().ack(receipt.sequence(), receipt.arrival());
        if (++unacknowledged >= ACK_BATCH)
        {
            flush();
        }
        else
        {
            scheduleFlush();
        }
        return true;
    }

    /**
     * A connection went away with a message the receive queue had no room for: it counts as never seen.
     */
    void onDetached(final Pipe pipe)
    {
        if (pipe.attachment() instanceof ReceiverLink && null != ((ReceiverLink)pipe.attachment()).held())
        {
            final Receipt receipt = ((ReceiverLink)pipe.attachment()).held().receipt;
            outstanding.remove(key(receipt));
            unprocessed.add(key(receipt));
        }
    }

    private boolean offerHeld(final ReceiverLink link)
    {
        if (!inbox.test(link.held()))
        {
            return false;
        }
        link.held(null);
        return true;
    }

    private static Receipt key(final Receipt receipt)
    {
        return new Receipt(null, receipt.producerId(), receipt.sequence(), 0, 0);
    }

    /**
     * Records a message taken from the receive queue as processed and has it acknowledged; any thread.
     */
    void complete(final Message message)
    {
        final Receipt receipt = message.receipt;
        if (null == receipt)
        {
            return;
        }
        message.receipt = null;
        journal.record(new UnsafeBuffer(new byte[DedupJournal.RECORD_LENGTH]),
            receipt.producerId(), receipt.sequence(), receipt.base());
        completed.offer(receipt);
        scheduleFlush();
    }

    private void scheduleFlush()
    {
        if (!flushScheduled.get() && flushScheduled.compareAndSet(false, true))
        {
            socket.agent.execute(flushTask);
        }
    }

    private void flush()
    {
        flushScheduled.set(false);
        unacknowledged = 0;
        Receipt receipt;
        while (null != (receipt = completed.poll()))
        {
            outstanding.remove(key(receipt));
            receipt.link().ack(receipt.sequence(), receipt.arrival());
        }
        boolean retry = false;
        for (final Pipe pipe : socket.pipes)
        {
            if (pipe.attachment() instanceof ReceiverLink && ((ReceiverLink)pipe.attachment()).nackDue())
            {
                final ReceiverLink link = (ReceiverLink)pipe.attachment();
                ioFrames.reset().add(ioScratch, 0,
                    DurableCommand.encodeNack(ioScratch, link.nackSequence(), link.nackArrival())).asCommand();
                final int result = pipe.tryOffer(ioFrames);
                retry |= Pipe.BACK_PRESSURED == result;
                if (Pipe.OK == result)
                {
                    link.nackSent();
                }
            }
            if (pipe.attachment() instanceof ReceiverLink && ((ReceiverLink)pipe.attachment()).ackDue())
            {
                final ReceiverLink link = (ReceiverLink)pipe.attachment();
                ioFrames.reset().add(ioScratch, 0,
                    DurableCommand.encodeAck(ioScratch, link.ackSequence(), link.ackArrival()))
                    .asCommand();
                final int result = pipe.tryOffer(ioFrames);
                retry |= Pipe.BACK_PRESSURED == result;
                if (Pipe.OK == result)
                {
                    link.ackSent();
                }
            }
        }
        if (outstanding.isEmpty())
        {
            journal.checkpointIfDue();
        }
        if (retry)
        {
            scheduleFlush();
        }
    }

    void close()
    {
        journal.close();
    }
}
