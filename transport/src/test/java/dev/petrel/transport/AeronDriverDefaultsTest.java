package dev.petrel.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AeronDriverDefaultsTest
{
    private String saved;

    @BeforeEach
    void save()
    {
        saved = System.getProperty(AeronDriverDefaults.ITERATION_THRESHOLD_PROP_NAME);
    }

    @AfterEach
    void restore()
    {
        if (null == saved)
        {
            System.clearProperty(AeronDriverDefaults.ITERATION_THRESHOLD_PROP_NAME);
        }
        else
        {
            System.setProperty(AeronDriverDefaults.ITERATION_THRESHOLD_PROP_NAME, saved);
        }
    }

    @Test
    void shouldSetTheIterationThresholdOnlyWhenTheApplicationDidNot()
    {
        System.clearProperty(AeronDriverDefaults.ITERATION_THRESHOLD_PROP_NAME);
        AeronDriverDefaults.apply();
        assertEquals("2", System.getProperty(AeronDriverDefaults.ITERATION_THRESHOLD_PROP_NAME));

        System.setProperty(AeronDriverDefaults.ITERATION_THRESHOLD_PROP_NAME, "7");
        AeronDriverDefaults.apply();
        assertEquals("7", System.getProperty(AeronDriverDefaults.ITERATION_THRESHOLD_PROP_NAME));
    }
}
