package dev.petrel;

/**
 * The replier's handler failed and sent an error reply; the message is the handler's.
 */
public final class RemoteHandlerException extends PetrelException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what happened.
     */
    public RemoteHandlerException(final String message)
    {
        super(message);
    }
}
