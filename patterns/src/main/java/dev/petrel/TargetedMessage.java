package dev.petrel;

/**
 * A published message handed by reference to a subscriber of the same node, with the subscriptions it matched
 * there (as a Petrel publisher names them in the meta frame over the network).
 */
final class TargetedMessage
{
    private final Message message;
    private final int[] sids;

    TargetedMessage(final Message message, final int[] sids)
    {
        this.message = message;
        this.sids = sids;
    }

    Message message()
    {
        return message;
    }

    int[] sids()
    {
        return sids;
    }
}
