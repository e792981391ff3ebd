package dev.petrel.patterns;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectIndexTest
{
    private static final String[] TOKENS = { "a", "b", "ab", "orders" };

    @Test
    void shouldAnswerAsSubjectPatternOnRandomPatternsAndSubjects()
    {
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        for (int round = 0; round < 200; round++)
        {
            final List<SubjectPattern> patterns = new ArrayList<>();
            final SubjectIndex index = new SubjectIndex();
            for (int i = 0, n = 1 + random.nextInt(60); i < n; i++)
            {
                final SubjectPattern pattern = SubjectPattern.compile(randomPattern(random));
                patterns.add(pattern);
                index.add(i, pattern);
            }
            for (int s = 0; s < 50; s++)
            {
                final String subject = randomSubject(random);
                assertEquals(expected(patterns, subject), actual(index, subject),
                    "seed " + seed + ", subject '" + subject + "', patterns " + patterns);
            }
        }
    }

    @Test
    void shouldMatchEdgeCasesAsSubjectPatternDoes()
    {
        final String[] texts = { "", ">", "*", "a", "a.>", "a.*", "*.>", "a.*.b", "*.*", "a.b", "ab.>" };
        final List<SubjectPattern> patterns = new ArrayList<>();
        final SubjectIndex index = new SubjectIndex();
        for (int i = 0; i < texts.length; i++)
        {
            patterns.add(SubjectPattern.compile(texts[i]));
            index.add(i, patterns.get(i));
        }
        final String[] subjects = { "", ".", "..", "a", "a.", ".a", "a.b", "a..b", "a.b.", "a.x.b", "ab", "ab.c.d" };
        for (final String subject : subjects)
        {
            assertEquals(expected(patterns, subject), actual(index, subject), "subject '" + subject + "'");
        }
    }

    @Test
    void shouldReturnMatchesInTheOrderOfTheirIds()
    {
        final SubjectIndex index = new SubjectIndex();
        index.add(0, SubjectPattern.compile("a.>"));
        index.add(1, SubjectPattern.compile("*.b"));
        index.add(2, SubjectPattern.compile("a.b"));
        index.add(3, SubjectPattern.compile(">"));
        assertEquals(List.of(0, 1, 2, 3), actual(index, "a.b"));
    }

    @Test
    void shouldNotAllocateWhenMatchingOnceWarm()
    {
        final SubjectIndex index = new SubjectIndex();
        for (int i = 0; i < 1000; i++)
        {
            index.add(i, SubjectPattern.compile(i % 4 == 3 ? "bench.t" + i + ".*" : "bench.t" + i + ".data"));
        }
        index.add(1000, SubjectPattern.compile("bench.>"));
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        int found = 0;
        for (int i = 0; i < 20_000; i++)
        {
            found += index.match("bench.t500.data");
        }
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < 100_000; i++)
        {
            found += index.match("bench.t500.data");
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertEquals(240_000, found);
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes");
    }

    private static String randomPattern(final Random random)
    {
        final StringBuilder text = new StringBuilder();
        final int tokens = random.nextInt(5);
        for (int i = 0; i < tokens; i++)
        {
            text.append(i > 0 ? "." : "").append(random.nextInt(3) == 0 ? "*" : TOKENS[random.nextInt(TOKENS.length)]);
        }
        if (random.nextInt(3) == 0)
        {
            text.append(tokens > 0 ? "." : "").append('>');
        }
        return text.toString();
    }

    private static String randomSubject(final Random random)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(6); i < n; i++)
        {
            text.append(i > 0 ? "." : "").append(random.nextInt(12) == 0 ? "" : TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }

    private static List<Integer> expected(final List<SubjectPattern> patterns, final String subject)
    {
        final List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++)
        {
            if (patterns.get(i).matches(subject))
            {
                ids.add(i);
            }
        }
        return ids;
    }

    private static List<Integer> actual(final SubjectIndex index, final String subject)
    {
        final List<Integer> ids = new ArrayList<>();
        for (int i = 0, n = index.match(subject); i < n; i++)
        {
            ids.add(index.matchAt(i));
        }
        return ids;
    }
}
