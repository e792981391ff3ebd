package dev.petrel.transport;

/**
 * Fails early, in one line that names the fix, when the JVM lacks the flag Agrona needs on JDK 17 to reach
 * {@code jdk.internal.misc.Unsafe}; without it every queue, buffer and the embedded media driver would fail later
 * with an {@link IllegalAccessError} deep inside Agrona.
 */
final class UnsafeAccessCheck
{
    /** The JVM flag Agrona needs on JDK 17. */
    static final String REQUIRED_JVM_FLAG = "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED";

    private UnsafeAccessCheck()
    {
    }

    /**
     * @throws TransportException naming the JVM flag when Agrona cannot reach {@code Unsafe}.
     */
    static void check()
    {
        try
        {
            Class.forName("org.agrona.UnsafeApi", true, UnsafeAccessCheck.class.getClassLoader());
        }
        catch (final ClassNotFoundException ex)
        {
            throw new TransportException("Agrona is missing from the class path", ex);
        }
        catch (final LinkageError ex)
        {
            throw missingFlag(ex);
        }
    }

    /**
     * @param cause the failure seen.
     * @return the exception that names the JVM flag.
     */
    static TransportException missingFlag(final Throwable cause)
    {
        return new TransportException(
            "Petrel and the Aeron media driver need the JVM flag " + REQUIRED_JVM_FLAG, cause);
    }
}
