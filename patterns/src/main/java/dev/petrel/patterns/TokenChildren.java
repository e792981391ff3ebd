package dev.petrel.patterns;

/**
 * The literal children of a {@link SubjectIndex} node: an open-addressing table from token to node that is looked
 * up by a region of the subject, so matching never cuts a token out of it. Filled while the index is built, then
 * only read.
 */
final class TokenChildren
{
    private String[] tokens = new String[4];
    private SubjectIndex.Node[] nodes = new SubjectIndex.Node[4];
    private int size;

    /**
     * @param token a literal pattern token.
     * @return its child node, added when missing.
     */
    SubjectIndex.Node getOrAdd(final String token)
    {
        final int slot = slot(token, 0, token.length());
        if (null != tokens[slot])
        {
            return nodes[slot];
        }
        if (2 * (size + 1) > tokens.length)
        {
            grow();
            return getOrAdd(token);
        }
        tokens[slot] = token;
        nodes[slot] = new SubjectIndex.Node();
        size++;
        return nodes[slot];
    }

    /**
     * @param subject the subject.
     * @param start   where the token starts.
     * @param end     where it ends (exclusive).
     * @return the child for that token, or null.
     */
    SubjectIndex.Node get(final String subject, final int start, final int end)
    {
        return nodes[slot(subject, start, end)];
    }

    private int slot(final String text, final int start, final int end)
    {
        final int mask = tokens.length - 1;
        final int length = end - start;
        int slot = hash(text, start, end) & mask;
        String token;
        while (null != (token = tokens[slot]))
        {
            if (token.length() == length && text.startsWith(token, start))
            {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int hash(final String text, final int start, final int end)
    {
        int hash = 0;
        for (int i = start; i < end; i++)
        {
            hash = 31 * hash + text.charAt(i);
        }
        return hash ^ (hash >>> 16);
    }

    private void grow()
    {
        final String[] oldTokens = tokens;
        final SubjectIndex.Node[] oldNodes = nodes;
        tokens = new String[oldTokens.length * 2];
        nodes = new SubjectIndex.Node[oldTokens.length * 2];
        for (int i = 0; i < oldTokens.length; i++)
        {
            if (null != oldTokens[i])
            {
                final int slot = slot(oldTokens[i], 0, oldTokens[i].length());
                tokens[slot] = oldTokens[i];
                nodes[slot] = oldNodes[i];
            }
        }
    }
}
