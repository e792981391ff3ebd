package dev.petrel;

/**
 * What acknowledging one message of a durable stream takes: the connection it came on, who produced it, its
 * sequence, the base announced with it, and its place in arrival order on that connection.
 *
 * @param link       the connection's state.
 * @param producerId of the pusher.
 * @param sequence   of the message.
 * @param base       the pusher's base when the message was sent.
 * @param arrival    the message's position in arrival order on the connection.
 */
record Receipt(ReceiverLink link, long producerId, long sequence, long base, long arrival)
{
}
