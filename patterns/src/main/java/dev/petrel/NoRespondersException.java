package dev.petrel;

/**
 * No replier was connected when the request was made (after a short wait), so it was not sent.
 */
public final class NoRespondersException extends PetrelException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what happened.
     */
    public NoRespondersException(final String message)
    {
        super(message);
    }
}
