package dev.petrel;

/**
 * A thread blocked in a send or receive was interrupted. The call was abandoned, the thread's interrupt flag is
 * set again, and the socket and node stay healthy.
 */
public final class PetrelInterruptedException extends PetrelException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param operation what was interrupted, e.g. "send".
     */
    public PetrelInterruptedException(final String operation)
    {
        super(operation + " was interrupted");
    }
}
