package dev.petrel;

import java.util.Map;

/**
 * A snapshot of a socket's counters.
 *
 * @param sent          messages handed to the transport.
 * @param received      messages delivered to the application.
 * @param dropped       messages dropped, all reasons and peers together.
 * @param peers         peers connected now.
 * @param dropsByPeer   drops per peer (its identity or address) and reason, including peers since gone.
 */
public record SocketStats(
    long sent, long received, long dropped, int peers, Map<String, Map<DropReason, Long>> dropsByPeer)
{
}
