package dev.petrel.transport;

/**
 * An unchecked failure on the transport's control path: a bad endpoint, an address in use, a closed node.
 */
public class TransportException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, in one line.
     */
    public TransportException(final String message)
    {
        super(message);
    }

    /**
     * @param message what went wrong, in one line.
     * @param cause   the underlying failure.
     */
    public TransportException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
