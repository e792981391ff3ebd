package dev.petrel.patterns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compiled NATS-style subject pattern: dot-separated tokens where {@code *} matches exactly one token and a
 * final {@code >} matches one or more trailing tokens. Matching does not allocate.
 */
public final class SubjectPattern
{
    private final String text;
    private final String[] tokens;
    private final boolean tail;
    private final boolean hasWildcard;

    private SubjectPattern(final String text, final String[] tokens, final boolean tail, final boolean hasWildcard)
    {
        this.text = text;
        this.tokens = tokens;
        this.tail = tail;
        this.hasWildcard = hasWildcard;
    }

    /**
     * Compiles a pattern.
     *
     * @param text the pattern, e.g. {@code orders.*.new} or {@code orders.>}.
     * @return the pattern.
     * @throws IllegalArgumentException when a token is empty or {@code >} is not last.
     */
    public static SubjectPattern compile(final String text)
    {
        if (text.isEmpty())
        {
            return new SubjectPattern(text, new String[0], false, false);
        }
        final String[] parts = text.split("\\.", -1);
        boolean wildcard = false;
        for (int i = 0; i < parts.length; i++)
        {
            final String token = parts[i];
            if (token.isEmpty())
            {
                throw new IllegalArgumentException("subject pattern '" + text + "' has an empty token");
            }
            if (">".equals(token) && i != parts.length - 1)
            {
                throw new IllegalArgumentException("'>' must be the last token in '" + text + "'");
            }
            wildcard |= "*".equals(token) || ">".equals(token);
        }
        final boolean tail = ">".equals(parts[parts.length - 1]);
        final String[] tokens = tail ? Arrays.copyOf(parts, parts.length - 1) : parts;
        return new SubjectPattern(text, tokens, tail, wildcard);
    }

    /**
     * @return the pattern text.
     */
    public String text()
    {
        return text;
    }

    /**
     * @return true when the pattern has a {@code *} or {@code >} token.
     */
    public boolean hasWildcard()
    {
        return hasWildcard;
    }

    /**
     * @return how many tokens come before the {@code >} (all of them when there is none).
     */
    int tokenCount()
    {
        return tokens.length;
    }

    /**
     * @param i index.
     * @return the i-th token; {@code *} for a one-token wildcard.
     */
    String token(final int i)
    {
        return tokens[i];
    }

    /**
     * @return true when the pattern ends in {@code >}.
     */
    boolean hasTail()
    {
        return tail;
    }

    /**
     * The literal start of the pattern, up to its first wildcard token: what a plain ZeroMQ publisher is asked
     * for (it matches by byte prefix).
     *
     * @return the prefix bytes, e.g. {@code orders.} for {@code orders.*.new}; the whole text without wildcards.
     */
    public byte[] literalPrefix()
    {
        if (!hasWildcard)
        {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        final StringBuilder prefix = new StringBuilder();
        for (final String token : tokens)
        {
            if ("*".equals(token))
            {
                break;
            }
            prefix.append(token).append('.');
        }
        return prefix.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param subject a concrete subject.
     * @return true when the subject matches by token rules.
     */
    public boolean matches(final String subject)
    {
        if (0 == tokens.length && !tail)
        {
            return subject.isEmpty();
        }
        int start = 0;
        final int length = subject.length();
        for (final String token : tokens)
        {
            if (start > length)
            {
                return false;
            }
            int end = subject.indexOf('.', start);
            if (end < 0)
            {
                end = length;
            }
            if (end == start)
            {
                return false;
            }
            if (!"*".equals(token) && !(token.length() == end - start && subject.startsWith(token, start)))
            {
                return false;
            }
            start = end + 1;
        }
        if (tail)
        {
            return start < length;
        }
        return start == length + 1;
    }

    /**
     * ZeroMQ's rule for plain peers: a pattern without wildcards matches any subject it is a byte prefix of;
     * a pattern with wildcards uses token rules.
     *
     * @param subject the subject.
     * @return true when it matches.
     */
    public boolean matchesLikeZeroMq(final String subject)
    {
        return hasWildcard ? matches(subject) : subject.startsWith(text);
    }

    @Override
    public String toString()
    {
        return text;
    }
}
