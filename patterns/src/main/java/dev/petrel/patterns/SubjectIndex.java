package dev.petrel.patterns;

import java.util.Arrays;

/**
 * A token trie over subject patterns that finds every pattern matching a subject without trying them one by one:
 * each node has literal children (looked up by token), a {@code *} child, the patterns that end at it and the
 * patterns whose {@code >} starts after it. Answers exactly as {@link SubjectPattern#matches} would, in the order
 * the patterns were added.
 * <p>
 * Built once by one thread, then queried by one thread at a time: {@link #match} keeps its result in the index and
 * allocates nothing once the result array is large enough.
 */
final class SubjectIndex
{
    private static final int[] NONE = new int[0];

    private final Node root = new Node();
    private int[] matches = new int[8];
    private int matchCount;

    /**
     * @param id      a non-negative number that {@link #matchAt} returns for this pattern; ids give the match order.
     * @param pattern the pattern.
     */
    void add(final int id, final SubjectPattern pattern)
    {
        Node node = root;
        for (int i = 0, n = pattern.tokenCount(); i < n; i++)
        {
            node = node.child(pattern.token(i));
        }
        if (pattern.hasTail())
        {
            node.tail = append(node.tail, id);
        }
        else
        {
            node.exact = append(node.exact, id);
        }
    }

    /**
     * Finds the patterns that match a subject.
     *
     * @param subject the subject.
     * @return how many matched; {@link #matchAt} gives their ids, in ascending order.
     */
    int match(final String subject)
    {
        matchCount = 0;
        final int length = subject.length();
        if (0 == length)
        {
            collect(root.exact);
        }
        else
        {
            walk(root, subject, 0, length);
        }
        Arrays.sort(matches, 0, matchCount);
        return matchCount;
    }

    /**
     * @param i index below the last {@link #match} result.
     * @return the id of the i-th matching pattern.
     */
    int matchAt(final int i)
    {
        return matches[i];
    }

    /**
     * Visits the node reached after the tokens before {@code start}; {@code start} is one past the last dot
     * consumed, or {@code length + 1} when every token was consumed.
     */
    private void walk(final Node node, final String subject, final int start, final int length)
    {
        if (start < length)
        {
            collect(node.tail);
        }
        if (start > length)
        {
            return;
        }
        final int dot = subject.indexOf('.', start);
        final int end = dot < 0 ? length : dot;
        if (end == start)
        {
            return;
        }
        if (null != node.literals)
        {
            final Node literal = node.literals.get(subject, start, end);
            if (null != literal)
            {
                visit(literal, subject, end + 1, length);
            }
        }
        if (null != node.star)
        {
            visit(node.star, subject, end + 1, length);
        }
    }

    private void visit(final Node node, final String subject, final int start, final int length)
    {
        if (start == length + 1)
        {
            collect(node.exact);
        }
        walk(node, subject, start, length);
    }

    private void collect(final int[] ids)
    {
        if (matchCount + ids.length > matches.length)
        {
            matches = Arrays.copyOf(matches, Math.max(matches.length * 2, matchCount + ids.length));
        }
        System.arraycopy(ids, 0, matches, matchCount, ids.length);
        matchCount += ids.length;
    }

    private static int[] append(final int[] ids, final int id)
    {
        final int[] next = Arrays.copyOf(ids, ids.length + 1);
        next[ids.length] = id;
        return next;
    }

    /**
     * One trie node: the patterns ending here, the patterns with {@code >} after here, and the children.
     */
    static final class Node
    {
        private int[] exact = NONE;
        private int[] tail = NONE;
        private TokenChildren literals;
        private Node star;

        private Node child(final String token)
        {
            if ("*".equals(token))
            {
                if (null == star)
                {
                    star = new Node();
                }
                return star;
            }
            if (null == literals)
            {
                literals = new TokenChildren();
            }
            return literals.getOrAdd(token);
        }
    }
}
