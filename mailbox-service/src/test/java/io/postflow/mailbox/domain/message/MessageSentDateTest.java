package io.postflow.mailbox.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Date: values (RFC 5322 §3.3 and the obsolete forms of §4.3). */
class MessageSentDateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Fri, 21 Nov 1997 09:55:06 -0600                 | 1997-11-21T09:55:06-06:00",
            "21 Nov 97 09:55:06 GMT                          | 1997-11-21T09:55:06Z",
            "Thu, 13 Feb 69 23:32 -0330 (Newfoundland Time)  | 1969-02-13T23:32-03:30",
            "Tue, 1 Jul 2003 10:52:37 +0200                  | 2003-07-01T10:52:37+02:00",
            "Mon, 1 Jan 104 00:00:00 EST                     | 2004-01-01T00:00-05:00",
            "(comment) Wed , 17 Jul 1996 02 : 23 : 25 PDT    | 1996-07-17T02:23:25-07:00",
            "1 january 2024 10:00:00 +0000                   | 2024-01-01T10:00Z",
            "Sat, 31 Dec 2016 23:59:60 +0000                 | 2016-12-31T23:59:59Z",
            "5 May 2020 08:30:00 Z                           | 2020-05-05T08:30Z",
            "5 May 2020 08:30:00                             | 2020-05-05T08:30Z"})
    void parses(String value, String expected) {
        assertThat(SentDateParser.parse(value)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "31 Feb 2020 10:00:00 +0000", "1 Foo 2020 10:00:00 +0000",
            "1 Jan 2020 25:00:00 +0000", "1 Jan 2020 10:00:00 +9900", "1 Jan 2020 10:00:00 +0170"})
    void unparseableIsNull(String value) {
        assertThat(SentDateParser.parse(value)).isNull();
    }
}
