package dev.petrel.bench;

import java.util.Locale;

/**
 * Which receive callback the Petrel trials count in.
 */
public enum PetrelReceive
{
    /** The zero-copy {@link dev.petrel.BufferHandler}: a view of the payload, nothing allocated. */
    BUFFER,
    /** The {@link dev.petrel.MessageHandler}: a {@link dev.petrel.Message} with a copied payload per message. */
    MESSAGE;

    /**
     * @param name {@code buffer} or {@code message}.
     * @return the mode.
     * @throws IllegalArgumentException for any other name.
     */
    public static PetrelReceive parse(final String name)
    {
        try
        {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("unknown receive mode '" + name + "': use buffer or message", ex);
        }
    }

    /**
     * @return the name as given on the command line.
     */
    public String settingName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
