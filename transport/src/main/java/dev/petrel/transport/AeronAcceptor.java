package dev.petrel.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Subscription;
import org.agrona.CloseHelper;

/**
 * A socket bound to an Aeron channel: a subscription whose every new image is a would-be peer. The image's first
 * message must be a {@link AeronHello} naming a reply channel; the acceptor then publishes to that channel, answers
 * with its own HELLO, and attaches a pipe. A peer that stays silent past the handshake timeout, or whose image goes
 * away, is dropped. Owned by the I/O thread.
 */
final class AeronAcceptor
{
    private final IoAgent agent;
    private final Aeron aeron;
    private final PipeHandler handler;
    private final Subscription subscription;
    private final String boundKey;
    private final ArrayDeque<Image> newImages = new ArrayDeque<>();
    private final List<Peer> peers = new ArrayList<>();
    private boolean accepting = true;

    AeronAcceptor(final IoAgent agent, final Aeron aeron, final PipeHandler handler, final AeronChannel channel)
    {
        this.agent = agent;
        this.aeron = aeron;
        this.handler = handler;
        this.boundKey = channel.key();
        this.subscription = aeron.addSubscription(
            channel.subscriptionChannel(), channel.streamId(), newImages::add, image -> { });
    }

    PipeHandler handler()
    {
        return handler;
    }

    String boundKey()
    {
        return boundKey;
    }

    Subscription subscription()
    {
        return subscription;
    }

    int doWork(final long nowNs)
    {
        int work = 0;
        Image image;
        while (null != (image = newImages.poll()))
        {
            if (accepting)
            {
                final String remote = "aeron:" + image.sourceIdentity() + "#" + image.sessionId();
                final AeronLink link = new AeronLink(agent, handler, remote, null);
                link.image(image);
                peers.add(new Peer(link, nowNs));
            }
            work++;
        }
        for (int i = 0; i < peers.size(); i++)
        {
            work += peers.get(i).doWork(nowNs);
        }
        peers.removeIf(peer -> peer.link.isClosed());
        return work;
    }

    /**
     * Polls the images of the connected peers once more, without the handshake and failure checks.
     *
     * @return work done.
     */
    int pollAgain()
    {
        int work = 0;
        for (int i = 0, n = peers.size(); i < n; i++)
        {
            work += peers.get(i).link.pollActive();
        }
        return work;
    }

    boolean hasQueued()
    {
        for (int i = 0, n = peers.size(); i < n; i++)
        {
            if (peers.get(i).link.hasQueued())
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops taking new peers and drops those still in their handshake; attached peers keep draining.
     */
    void stopAccepting()
    {
        accepting = false;
        for (final Peer peer : peers)
        {
            if (!peer.link.isActive())
            {
                peer.link.close("socket closed", false);
            }
        }
    }

    void close()
    {
        for (final Peer peer : peers)
        {
            peer.link.close("socket closed", false);
        }
        peers.clear();
        CloseHelper.quietClose(subscription);
    }

    /**
     * One image on the bound channel, from its HELLO to its end.
     */
    private final class Peer
    {
        private final AeronLink link;
        private final long deadlineNs;
        private PeerHandshake handshake;

        Peer(final AeronLink link, final long nowNs)
        {
            this.link = link;
            this.deadlineNs = nowNs + handler.settings().handshakeTimeoutNs();
        }

        int doWork(final long nowNs)
        {
            if (link.isClosed())
            {
                return 0;
            }
            int work = link.poll();
            final String failure = link.failure();
            if (null != failure)
            {
                link.fail(failure);
                return work + 1;
            }
            if (link.isActive())
            {
                return work + link.flush();
            }
            return work + handshake(nowNs);
        }

        private int handshake(final long nowNs)
        {
            if (null == handshake && null != link.peerHello())
            {
                answer(link.peerHello());
                return 1;
            }
            final int work = link.sendHello();
            if (null != handshake && link.isHelloSent())
            {
                link.activate(handshake);
                return work + 1;
            }
            if (nowNs - deadlineNs > 0)
            {
                link.close("handshake timed out", null != handshake);
                return work + 1;
            }
            return work;
        }

        private void answer(final Map<String, String> hello)
        {
            final String replyChannel = hello.get(AeronHello.PROPERTY_REPLY_CHANNEL);
            final String replyStream = hello.get(AeronHello.PROPERTY_REPLY_STREAM);
            final String session = hello.get(AeronHello.PROPERTY_SESSION);
            if (null == replyChannel || null == replyStream || null == session)
            {
                link.close("HELLO without a reply channel", true);
                return;
            }
            try
            {
                final PeerHandshake checked = AeronHello.handshake(handler, hello);
                final ExclusivePublication publication =
                    aeron.addExclusivePublication(replyChannel, Integer.parseInt(replyStream));
                link.publication(publication);
                link.helloToSend(AeronHello.encode(handler, Map.of(AeronHello.PROPERTY_SESSION, session)));
                handshake = checked;
            }
            catch (final RuntimeException ex)
            {
                link.close("handshake refused: " + ex.getMessage(), true);
            }
        }
    }
}
