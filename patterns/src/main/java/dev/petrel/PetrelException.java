package dev.petrel;

/**
 * Base of Petrel's unchecked exceptions on the control path.
 */
public class PetrelException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what went wrong.
     */
    public PetrelException(final String message)
    {
        super(message);
    }

    /**
     * @param message one line saying what went wrong.
     * @param cause   the underlying failure.
     */
    public PetrelException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
