package dev.petrel.transport;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * A parsed endpoint URI: {@code tcp://host:port}, {@code tcp://*:port}, {@code inproc://name},
 * {@code aeron:udp?...} or {@code aeron:ipc}.
 */
public final class Endpoint
{
    /**
     * The media an endpoint names.
     */
    public enum Kind
    {
        /** ZMTP 3.1 over TCP. */
        TCP,
        /** In-process, between sockets of one JVM. */
        INPROC,
        /** An Aeron channel (UDP or IPC). */
        AERON
    }

    private final Kind kind;
    private final String uri;
    private final String host;
    private final int port;

    private Endpoint(final Kind kind, final String uri, final String host, final int port)
    {
        this.kind = kind;
        this.uri = uri;
        this.host = host;
        this.port = port;
    }

    /**
     * Parses an endpoint URI.
     *
     * @param uri the endpoint text.
     * @return the endpoint.
     * @throws IllegalArgumentException with a one-line reason when the text is not a valid endpoint.
     */
    public static Endpoint parse(final String uri)
    {
        if (null == uri || uri.isBlank())
        {
            throw new IllegalArgumentException("endpoint is empty");
        }
        final String text = uri.trim();
        final String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp://"))
        {
            return parseTcp(text, text.substring("tcp://".length()));
        }
        if (lower.startsWith("inproc://"))
        {
            final String name = text.substring("inproc://".length());
            if (name.isEmpty())
            {
                throw new IllegalArgumentException("inproc endpoint needs a name: " + text);
            }
            return new Endpoint(Kind.INPROC, text, name, 0);
        }
        if (lower.startsWith("aeron:udp") || lower.startsWith("aeron:ipc"))
        {
            return new Endpoint(Kind.AERON, text, null, 0);
        }
        throw new IllegalArgumentException(
            "unsupported endpoint '" + text + "': use tcp://host:port, inproc://name, aeron:udp?endpoint=host:port " +
            "or aeron:ipc");
    }

    private static Endpoint parseTcp(final String text, final String address)
    {
        final int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1)
        {
            throw new IllegalArgumentException("tcp endpoint needs host:port: " + text);
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]"))
        {
            host = host.substring(1, host.length() - 1);
        }
        final int port;
        try
        {
            port = Integer.parseInt(address.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("tcp endpoint has a bad port: " + text, ex);
        }
        if (port < 0 || port > 65535)
        {
            throw new IllegalArgumentException("tcp port out of range 0..65535: " + text);
        }
        return new Endpoint(Kind.TCP, text, host, port);
    }

    /**
     * Builds a TCP endpoint from a socket address.
     *
     * @param address the address.
     * @return the endpoint {@code tcp://host:port}.
     */
    public static Endpoint tcp(final InetSocketAddress address)
    {
        final String hostText = address.getAddress().getHostAddress();
        final String host = hostText.contains(":") ? "[" + hostText + "]" : hostText;
        return new Endpoint(Kind.TCP, "tcp://" + host + ":" + address.getPort(), hostText, address.getPort());
    }

    /**
     * @return the media this endpoint names.
     */
    public Kind kind()
    {
        return kind;
    }

    /**
     * @return the host for TCP ({@code *} means every interface), the name for inproc, null for Aeron.
     */
    public String host()
    {
        return host;
    }

    /**
     * @return the TCP port (0 asks for an ephemeral one when binding).
     */
    public int port()
    {
        return port;
    }

    /**
     * @return true when a TCP host is a wildcard ({@code *}, {@code 0.0.0.0}).
     */
    public boolean isWildcardHost()
    {
        return "*".equals(host) || "0.0.0.0".equals(host) || "::".equals(host);
    }

    /**
     * @return the address to bind a TCP listener to.
     */
    public InetSocketAddress bindAddress()
    {
        return isWildcardHost() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /**
     * Resolves the address to connect to; a wildcard host means this machine's loopback address.
     *
     * @return the resolved address.
     * @throws TransportException when the host cannot be resolved or the port is 0.
     */
    public InetSocketAddress connectAddress()
    {
        final InetSocketAddress address = isWildcardHost() ?
            new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port) : new InetSocketAddress(host, port);
        if (address.isUnresolved())
        {
            throw new TransportException("unknown host '" + host + "' in " + uri);
        }
        if (0 == port)
        {
            throw new TransportException("cannot connect to port 0: " + uri);
        }
        return address;
    }

    /**
     * @return the URI text.
     */
    public String uri()
    {
        return uri;
    }

    @Override
    public String toString()
    {
        return uri;
    }
}
