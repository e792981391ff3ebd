package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import dev.petrel.durability.DedupResult;
import dev.petrel.durability.ReceiverCursors;
import dev.petrel.patterns.DurableCommand;
import dev.petrel.patterns.Envelope;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.TransportException;
import dev.petrel.transport.zmtp.InboundFrames;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The durable side of a {@link Puller} or {@link Subscriber}: announces the receiver name to each Petrel peer (a
 * message from a durable pusher is an envelope frame and a payload frame; one from a durable publisher has a subject
 * frame first), journals what it hands
 * to the application and what the application processed in a {@link DedupJournal}, drops what was processed,
 * hands again, marked {@link Message#redelivered() redelivered}, what was in doubt, and acknowledges.
 * <p>
 * Runs on the I/O thread (the only writer of a socket's pipes), except {@link #complete(Message)}, which receiving
 * threads call and which hands the acknowledgement to the I/O thread. The order of effects per message is: journal
 * as handed, hand over, journal as processed, acknowledge; so after a crash of the process at any point the
 * message is either recorded as processed (dropped and acknowledged when it comes again) or handed over again,
 * marked redelivered when the application may have seen it. With a handler, the messages of a read pass (at
 * most {@value #ACK_BATCH}) share each journal write and the acknowledgement: they wait for the end of the pass,
 * then go to the handler in arrival order. With the receive queue, each message is journalled as handed before
 * it is queued, and the acknowledgements the application made are journalled together on the I/O thread.
 * <p>
 * A message delivered again while this process still holds it (in the queue or the batch) is settled with the
 * held one. A message whose handler threw is reported with a PNACK and delivered again.
 */
final class DurableReceiver
{
    static final int ACK_BATCH = HandOffBatch.CAPACITY;
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final SocketBase socket;
    private final Predicate<Message> inbox;
    private final String name;
    private final DedupJournal journal;
    private final Envelope envelope = new Envelope();
    private final OutboundFrames ioFrames = new OutboundFrames();
    private final ExpandableArrayBuffer ioScratch = new ExpandableArrayBuffer(64);
    private final SequenceSet outstanding = new SequenceSet();
    private final List<Receipt> followers = new ArrayList<>();
    private final HandOffBatch batch = new HandOffBatch();
    private final JournalBatch handedRecord = new JournalBatch(JournalBatch.HANDED);
    private final JournalBatch processedRecord = new JournalBatch(JournalBatch.PROCESSED);
    private final List<Receipt> completing = new ArrayList<>();
    private final Queue<Receipt> completed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flush;
    /** Set when the socket starts closing: what has not reached the handler yet is no longer handed over. */
    private volatile boolean closing;
    /** Set on the I/O thread when the journal is closed; no flush touches it after that. */
    private boolean journalClosed;

    /**
     * @param inbox offers a message to the socket's receive queue; false when it has no room.
     */
    DurableReceiver(final SocketBase socket, final Predicate<Message> inbox, final String name, final Path stateDir)
    {
        final int nameLength = name.getBytes(StandardCharsets.UTF_8).length;
        if (0 == nameLength || nameLength > ReceiverCursors.MAX_NAME_LENGTH)
        {
            throw new IllegalArgumentException("a durable receiver name has 1.." + ReceiverCursors.MAX_NAME_LENGTH +
                " UTF-8 bytes: '" + name + "'");
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
            pipe.attachment(new ReceiverLink());
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
            journal.onBase(link.producerId(), link.base());
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
        final long arrival = link.nextArrival();
        if (!decode(frames))
        {
            reject(pipe, link, 0, arrival);
            return true;
        }
        final long producerId = link.producerId();
        final long sequence = envelope.sequence();
        final DedupResult result = journal.window().onMessage(producerId, sequence);
        if (DedupResult.BEYOND_WINDOW == result)
        {
            reject(pipe, link, sequence, arrival);
            return true;
        }
        final boolean redelivered = DedupResult.DUPLICATE == result;
        if (redelivered && (outstanding.contains(producerId, sequence) || batch.contains(producerId, sequence)))
        {
            followers.add(new Receipt(link, producerId, sequence, link.base(), arrival));
            return true;
        }
        if (redelivered && !journal.handed().contains(producerId, sequence))
        {
            link.settle(sequence, arrival);
            scheduleFlush();
            return true;
        }
        return handOver(link, frames, handler, sequence, arrival, redelivered);
    }

    private boolean decode(final InboundFrames frames)
    {
        final int envelopeFrame = frames.count() - 2;
        if (0 != envelopeFrame && 1 != envelopeFrame)
        {
            return false;
        }
        try
        {
            MessageCodec.decodeEnvelope(envelope, frames, envelopeFrame);
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    /**
     * Drops a message this receiver cannot take and reports it, so the pusher delivers it again (and in the end
     * moves it to the dead-letter log) instead of counting it as acknowledged.
     */
    private void reject(final Pipe pipe, final ReceiverLink link, final long sequence, final long arrival)
    {
        socket.countDrop(pipe, DropReason.MALFORMED);
        link.fail(sequence, arrival);
        scheduleFlush();
    }

    private boolean handOver(final ReceiverLink link, final InboundFrames frames, final MessageHandler handler,
        final long sequence, final long arrival, final boolean redelivered)
    {
        final long producerId = link.producerId();
        final int envelopeFrame = frames.count() - 2;
        final String subject = 0 == envelopeFrame ? "" : MessageCodec.text(frames, 0);
        final Message message = MessageCodec.fromEnvelope(subject, envelope, frames, envelopeFrame + 1);
        message.redelivered = redelivered;
        if (!redelivered)
        {
            handedRecord.add(producerId, sequence, link.base());
            if (handedRecord.isFull())
            {
                recordHanded();
            }
        }
        if (null != handler)
        {
            // The batch itself tracks what it holds; only a message whose handler fails joins the handed set.
            batch.add(handler, message, link, sequence, arrival);
            if (batch.isFull())
            {
                flush();
            }
            else
            {
                scheduleFlush();
            }
            return true;
        }
        outstanding.add(producerId, sequence);
        journal.handed().add(producerId, sequence);
        recordHanded();
        message.receipt = new Receipt(link, producerId, sequence, link.base(), arrival);
        link.held(message);
        return offerHeld(link);
    }

    private void recordHanded()
    {
        if (!handedRecord.isEmpty())
        {
            journal.record(handedRecord);
            handedRecord.clear();
        }
    }

    /**
     * A connection went away with a message the receive queue had no room for; it stays in doubt, so it is
     * handed over as redelivered when it comes again.
     */
    void onDetached(final Pipe pipe)
    {
        if (pipe.attachment() instanceof ReceiverLink && null != ((ReceiverLink)pipe.attachment()).held())
        {
            final Receipt receipt = ((ReceiverLink)pipe.attachment()).held().receipt;
            outstanding.remove(receipt.producerId(), receipt.sequence());
            settleFollowers(receipt.producerId(), receipt.sequence(), false);
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
        if (journalClosed)
        {
            return;
        }
        runBatch();
        settleCompleted();
        if (sendAcknowledgements())
        {
            scheduleFlush();
        }
        journal.checkpointIfDue();
    }

    private void runBatch()
    {
        if (batch.isEmpty())
        {
            return;
        }
        if (closing)
        {
            batch.clear();
            return;
        }
        recordHanded();
        final MessageHandler handler = batch.handler();
        int processed = 0;
        for (int i = 0, n = batch.count(); i < n; i++)
        {
            try
            {
                handler.onMessage(batch.message(i));
                processed++;
                batch.processed(i, true);
                processedRecord.add(batch.producerId(i), batch.sequence(i), batch.base(i));
                if (processedRecord.isFull())
                {
                    recordProcessed();
                }
            }
            catch (final RuntimeException ex)
            {
                socket.node.onError(ex);
            }
        }
        socket.received.addAndGet(processed);
        recordProcessed();
        for (int i = 0, n = batch.count(); i < n; i++)
        {
            settle(batch.link(i), batch.producerId(i), batch.sequence(i), batch.arrival(i), batch.processed(i));
        }
        batch.clear();
    }

    private void recordProcessed()
    {
        if (!processedRecord.isEmpty())
        {
            journal.record(processedRecord);
            processedRecord.clear();
        }
    }

    private void settleCompleted()
    {
        Receipt receipt;
        while (null != (receipt = completed.poll()))
        {
            completing.add(receipt);
            processedRecord.add(receipt.producerId(), receipt.sequence(), receipt.base());
            if (processedRecord.isFull())
            {
                settleCompleting();
            }
        }
        settleCompleting();
    }

    private void settleCompleting()
    {
        recordProcessed();
        for (int i = 0, n = completing.size(); i < n; i++)
        {
            final Receipt receipt = completing.get(i);
            settle(receipt.link(), receipt.producerId(), receipt.sequence(), receipt.arrival(), true);
        }
        completing.clear();
    }

    private void settle(final ReceiverLink link, final long producerId, final long sequence, final long arrival,
        final boolean processed)
    {
        outstanding.remove(producerId, sequence);
        if (processed)
        {
            journal.handed().remove(producerId, sequence);
            link.settle(sequence, arrival);
        }
        else
        {
            journal.handed().add(producerId, sequence);
            link.fail(sequence, arrival);
        }
        settleFollowers(producerId, sequence, processed);
    }

    /**
     * Settles the copies of a message that arrived again while it was held here: acknowledged with it once it is
     * processed, reported as failed otherwise.
     */
    private void settleFollowers(final long producerId, final long sequence, final boolean processed)
    {
        for (int i = followers.size() - 1; i >= 0; i--)
        {
            final Receipt follower = followers.get(i);
            if (follower.producerId() == producerId && follower.sequence() == sequence)
            {
                followers.remove(i);
                if (processed)
                {
                    follower.link().settle(sequence, follower.arrival());
                }
                else
                {
                    follower.link().fail(sequence, follower.arrival());
                }
            }
        }
    }

    /**
     * @return true when a pipe without room left something unsent.
     */
    private boolean sendAcknowledgements()
    {
        boolean retry = false;
        for (final Pipe pipe : socket.pipes)
        {
            if (pipe.attachment() instanceof ReceiverLink)
            {
                retry |= sendAcknowledgements(pipe, (ReceiverLink)pipe.attachment());
            }
        }
        return retry;
    }

    private boolean sendAcknowledgements(final Pipe pipe, final ReceiverLink link)
    {
        long[] failure;
        while (null != (failure = link.failure()))
        {
            ioFrames.reset().add(ioScratch, 0, DurableCommand.encodeNack(ioScratch, failure[0], failure[1]))
                .asCommand();
            final int result = pipe.tryOffer(ioFrames);
            if (Pipe.OK != result)
            {
                return Pipe.BACK_PRESSURED == result;
            }
            link.failureSent();
        }
        if (link.ackDue())
        {
            ioFrames.reset().add(ioScratch, 0, DurableCommand.encodeAck(ioScratch, link.ackSequence(),
                link.ackCount())).asCommand();
            final int result = pipe.tryOffer(ioFrames);
            if (Pipe.OK == result)
            {
                link.ackSent();
            }
            return Pipe.BACK_PRESSURED == result;
        }
        return false;
    }

    /**
     * The socket starts closing (any thread): messages waiting for the end of a read pass are dropped rather than
     * handed to the handler after the application closed the socket; unacknowledged, they come again to whoever
     * takes this name next, and nothing records them as handed.
     */
    void stopHandingOver()
    {
        closing = true;
    }

    /**
     * Closes the journal on the I/O thread, after every flush queued before, with the acknowledgements the
     * application made recorded, so that a receiver opened on the same state next sees everything this one
     * processed; called by the closing thread once the socket's connections are gone.
     */
    void close()
    {
        closing = true;
        if (socket.node.isClosed() || socket.agent.isIoThread())
        {
            closeJournal();
            return;
        }
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        try
        {
            socket.agent.execute(() ->
            {
                closeJournal();
                closed.complete(null);
            });
            closed.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final TransportException | ExecutionException | TimeoutException ex)
        {
            socket.node.onError(ex);
        }
    }

    private void closeJournal()
    {
        if (journalClosed)
        {
            return;
        }
        batch.clear();
        settleCompleted();
        journalClosed = true;
        journal.close();
    }
}
