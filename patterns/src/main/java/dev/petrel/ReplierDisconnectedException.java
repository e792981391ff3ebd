package dev.petrel;

/**
 * The replier handling the request went away before replying; the request may or may not have been processed.
 */
public final class ReplierDisconnectedException extends PetrelException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what happened.
     */
    public ReplierDisconnectedException(final String message)
    {
        super(message);
    }
}
