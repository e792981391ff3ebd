package dev.petrel.transport;

import java.util.List;

import dev.petrel.transport.zmtp.ZmtpSocketType;
import io.aeron.Aeron;
import io.aeron.AeronCounters;
import io.aeron.ExclusivePublication;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.CountersReader;

/**
 * A publisher bound to a multi-destination channel ({@code control=host:port|control-mode=dynamic}): one exclusive
 * publication that the media driver sends to every subscriber that asks for it at the control address, seen by the
 * socket as one fan-out {@link Pipe} attached at bind time, so each message is sent once whatever the number of
 * subscribers.
 * <p>
 * Subscribers announce nothing to the publisher: they filter by subject themselves, and the publisher knows only
 * how many there are, from the driver's flow-control receiver counter ({@code fc=min}, Petrel's default for these
 * channels; any other flow control gives 1 while some subscriber is connected, else 0). The count is sampled on
 * the I/O thread, so other threads never read the driver's memory themselves. Owned by the I/O thread.
 */
final class AeronFanOut extends AeronEndpointAgent
{
    private final PipeHandler handler;
    private final ExclusivePublication publication;
    private final CountersReader counters;
    private final String boundKey;
    private final String boundEndpoint;
    private final AeronLink link;
    private final int receiversCounterId;
    private volatile int receivers;

    AeronFanOut(final IoAgent agent, final Aeron aeron, final PipeHandler handler, final AeronChannel channel)
    {
        this.handler = handler;
        this.boundKey = channel.key();
        this.counters = aeron.countersReader();
        this.publication = aeron.addExclusivePublication(channel.fanOutPublicationChannel(), channel.streamId());
        final List<String> addresses = publication.localSocketAddresses();
        this.boundEndpoint = addresses.isEmpty() ?
            channel.boundControlEndpoint(channel.controlAddress()) : channel.boundControlEndpoint(addresses.get(0));
        this.receiversCounterId = findReceiversCounter();
        this.link = new AeronLink(agent, handler, "aeron:fan-out " + boundEndpoint, null);
        link.publication(publication);
        link.fanOut(() -> receivers);
    }

    /**
     * @return the endpoint subscribers connect to, with the real control port.
     */
    String boundEndpoint()
    {
        return boundEndpoint;
    }

    /**
     * Hands the fan-out pipe to the socket; called once the bind has succeeded.
     */
    void attach()
    {
        link.activate(AeronHello.impliedHandshake(ZmtpSocketType.SUB));
    }

    @Override
    PipeHandler handler()
    {
        return handler;
    }

    @Override
    String boundKey()
    {
        return boundKey;
    }

    @Override
    int doWork(final long nowNs)
    {
        if (link.isClosed())
        {
            return 0;
        }
        receivers = countReceivers();
        final String failure = link.failure();
        if (null != failure)
        {
            link.fail(failure);
            return 1;
        }
        return link.flush();
    }

    private int countReceivers()
    {
        if (CountersReader.NULL_COUNTER_ID == receiversCounterId)
        {
            return publication.isConnected() ? 1 : 0;
        }
        return (int)counters.getCounterValue(receiversCounterId);
    }

    /**
     * The driver allocates the counter with the publication, before the client sees the publication.
     */
    private int findReceiversCounter()
    {
        final long registrationId = publication.registrationId();
        final int[] found = { CountersReader.NULL_COUNTER_ID };
        counters.forEach((counterId, typeId, key, label) ->
        {
            if (AeronCounters.FLOW_CONTROL_RECEIVERS_COUNTER_TYPE_ID == typeId && registrationId == key.getLong(0))
            {
                found[0] = counterId;
            }
        });
        return found[0];
    }

    @Override
    boolean hasQueued()
    {
        return link.hasQueued();
    }

    @Override
    void stop()
    {
    }

    @Override
    void close()
    {
        link.close("socket closed", false);
        CloseHelper.quietClose(publication);
    }
}
