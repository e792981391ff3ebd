package dev.petrel.transport;

import java.util.Map;

import dev.petrel.transport.zmtp.ZmtpSocketType;

/**
 * What a peer announced during the handshake.
 *
 * @param socketType   its socket type, or null when it sent none.
 * @param identity     its identity bytes (empty when none).
 * @param properties   every READY property.
 * @param minorVersion its ZMTP minor version.
 */
public record PeerHandshake(
    ZmtpSocketType socketType, byte[] identity, Map<String, String> properties, int minorVersion)
{
}
