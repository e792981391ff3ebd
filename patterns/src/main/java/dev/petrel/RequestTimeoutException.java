package dev.petrel;

/**
 * No reply arrived within the request's timeout. A reply that arrives later is dropped and counted.
 */
public final class RequestTimeoutException extends PetrelException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what happened.
     */
    public RequestTimeoutException(final String message)
    {
        super(message);
    }
}
