package dev.petrel;

/**
 * The socket (or its node) was closed before or during the call.
 */
public final class SocketClosedException extends PetrelException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what was closed.
     */
    public SocketClosedException(final String message)
    {
        super(message);
    }
}
