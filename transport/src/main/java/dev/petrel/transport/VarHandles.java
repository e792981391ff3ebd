package dev.petrel.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Looks up the {@link VarHandle} of a field for a class's static initialiser, where a missing field is a build
 * error rather than a condition to handle.
 */
final class VarHandles
{
    private VarHandles()
    {
    }

    /**
     * @param lookup the field's class's own lookup ({@code MethodHandles.lookup()}), which may see private fields.
     * @param name   of the field.
     * @param type   of the field.
     * @return the field's handle.
     * @throws ExceptionInInitializerError when the class has no such field.
     */
    static VarHandle field(final MethodHandles.Lookup lookup, final String name, final Class<?> type)
    {
        try
        {
            return lookup.findVarHandle(lookup.lookupClass(), name, type);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
