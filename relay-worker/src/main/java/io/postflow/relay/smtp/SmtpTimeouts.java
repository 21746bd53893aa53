package io.postflow.relay.smtp;

import java.time.Duration;

/** RFC 5321 §4.5.3.2 client timeouts plus connect and short-command ones; every one configurable. */
public record SmtpTimeouts(Duration connect, Duration greeting, Duration command, Duration mail, Duration rcpt,
                           Duration dataInit, Duration dataBlock, Duration dataTermination) {
}
