package dev.petrel;

/**
 * A send found every eligible peer at its high-water mark and could not queue the message within its timeout
 * (or at once, under the fail-fast policy). The message was not sent.
 */
public final class BackPressureException extends PetrelException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what happened.
     */
    public BackPressureException(final String message)
    {
        super(message);
    }
}
