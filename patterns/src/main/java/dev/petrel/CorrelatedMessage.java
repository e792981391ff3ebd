package dev.petrel;

/**
 * A request or reply handed by reference between a requester and a replier of the same node, with the correlation
 * ID that the correlation frame carries over the network.
 */
final class CorrelatedMessage
{
    private final long correlationId;
    private final Message message;

    CorrelatedMessage(final long correlationId, final Message message)
    {
        this.correlationId = correlationId;
        this.message = message;
    }

    long correlationId()
    {
        return correlationId;
    }

    Message message()
    {
        return message;
    }
}
