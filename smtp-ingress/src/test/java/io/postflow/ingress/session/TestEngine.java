package io.postflow.ingress.session;

import io.postflow.common.directory.DirectoryCodec;
import io.postflow.common.directory.DirectoryEntry;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.io.LineReader;
import io.postflow.ingress.auth.AuthResponseHandler;
import io.postflow.ingress.auth.AuthFailures;
import io.postflow.ingress.auth.Authenticator;
import io.postflow.ingress.domain.ByteBudget;
import io.postflow.ingress.domain.RecipientPolicy;
import io.postflow.ingress.domain.SenderPolicy;
import io.postflow.ingress.extension.AuthExtension;
import io.postflow.ingress.extension.ChunkingExtension;
import io.postflow.ingress.extension.DsnExtension;
import io.postflow.ingress.extension.EightBitMimeExtension;
import io.postflow.ingress.extension.EnhancedStatusCodesExtension;
import io.postflow.ingress.extension.EsmtpExtensions;
import io.postflow.ingress.extension.PipeliningExtension;
import io.postflow.ingress.extension.SizeExtension;
import io.postflow.ingress.extension.SmtpUtf8Extension;
import io.postflow.ingress.extension.StartTlsExtension;
import io.postflow.ingress.handler.AuthHandler;
import io.postflow.ingress.handler.BdatHandler;
import io.postflow.ingress.handler.DataEndHandler;
import io.postflow.ingress.handler.DataHandler;
import io.postflow.ingress.handler.EhloHandler;
import io.postflow.ingress.handler.ExpnHandler;
import io.postflow.ingress.handler.HeloHandler;
import io.postflow.ingress.handler.HelpHandler;
import io.postflow.ingress.handler.MailHandler;
import io.postflow.ingress.handler.MessageHandOff;
import io.postflow.ingress.handler.NoopHandler;
import io.postflow.ingress.handler.QuitHandler;
import io.postflow.ingress.handler.RcptHandler;
import io.postflow.ingress.handler.RsetHandler;
import io.postflow.ingress.handler.StartTlsHandler;
import io.postflow.ingress.handler.VrfyHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The whole session graph on fakes: a directory with example.test (alice, bob, info → alice),
 * a password check knowing alice, a spool that keeps records. Settings are small so limits are
 * easy to reach.
 */
public final class TestEngine implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    final FakeLoop loop = new FakeLoop();
    final FakeSpool spool = new FakeSpool();
    final FakePasswordCheck passwords = new FakePasswordCheck().account("alice@example.test", "secret");
    final DirectoryView directory = new DirectoryView();

    ListenerKind listener = ListenerKind.MX;
    boolean tlsAvailable = true;
    String clientAddress = "192.0.2.7";
    boolean loopback;
    boolean allowPlaintextOnLoopback = true;
    long maxMessageSize = 10_000;
    int maxRecipients = 100;
    int maxCommandLine = 512;
    int maxAuthFailures = 3;
    long maxBytesInFlight = 1_000_000;
    /** Shared by every connection of the engine, as the service's bean is. */
    final AuthFailures authFailures = new AuthFailures(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15), 1_000);

    public TestEngine() {
        this(true);
    }

    /** @param directoryLoaded false: as right after start-up, before the reader caught up */
    TestEngine(boolean directoryLoaded) {
        put(new DirectoryEntry.LocalDomain("example.test"));
        put(new DirectoryEntry.Account("alice@example.test"));
        put(new DirectoryEntry.Account("bob@example.test"));
        put(new DirectoryEntry.Alias("info@example.test", List.of("alice@example.test")));
        if (directoryLoaded) {
            directory.markLoaded();
        }
    }

    void put(DirectoryEntry entry) {
        directory.apply(entry.key(), DirectoryCodec.encode(entry));
    }

    SessionSettings settings() {
        return new SessionSettings("mx.postflow.test", maxMessageSize, maxCommandLine, maxRecipients, Duration.ofMinutes(5),
                Duration.ofMinutes(3), Duration.ofMinutes(10), maxAuthFailures, Duration.ZERO, allowPlaintextOnLoopback);
    }

    private ByteBudget budget;

    /** One budget for all connections, as the service has; sized on first use. */
    private ByteBudget budget() {
        if (budget == null) {
            budget = new ByteBudget(maxBytesInFlight);
        }
        return budget;
    }

    public SessionFactory factory() {
        EsmtpExtensions extensions = new EsmtpExtensions(List.of(new StartTlsExtension(), new PipeliningExtension(),
                new SizeExtension(), new EightBitMimeExtension(), new SmtpUtf8Extension(), new EnhancedStatusCodesExtension(),
                new DsnExtension(), new ChunkingExtension(), new AuthExtension()));
        Authenticator authenticator = new Authenticator(passwords, authFailures);
        MessageHandOff handOff = new MessageHandOff(spool, budget(), Clock.fixed(NOW, ZoneOffset.UTC));
        DataEndHandler dataEnd = new DataEndHandler(handOff);
        CommandDispatcher dispatcher = new CommandDispatcher(new EhloHandler(extensions), new HeloHandler(),
                new MailHandler(extensions, new SenderPolicy(directory)), new RcptHandler(extensions, new RecipientPolicy(directory)),
                new DataHandler(), new BdatHandler(dataEnd), new RsetHandler(), new NoopHandler(), new QuitHandler(),
                new VrfyHandler(), new ExpnHandler(), new HelpHandler(), new StartTlsHandler(), new AuthHandler(authenticator));
        return new SessionFactory(dispatcher, dataEnd, new AuthResponseHandler(authenticator), settings());
    }

    /** Opens a session: the greeting is sent, the client may speak. */
    Client connect() {
        FakeReadStream socket = new FakeReadStream();
        FakeConnection connection = new FakeConnection(loop, tlsAvailable, listener.implicitTls(), clientAddress, loopback);
        SmtpSession[] session = new SmtpSession[1];
        loop.runAndWait(() -> {
            LineReader reader = new LineReader(socket, new LineReader.Limits(settings().readerLineLimit(), 4096, 2048));
            session[0] = factory().create(listener, connection, new LineReaderInbound(reader));
            session[0].start();
        });
        return new Client(loop, socket, connection, session[0]);
    }

    @Override
    public void close() {
        loop.close();
    }

    /** One connected client. */
    record Client(FakeLoop loop, FakeReadStream socket, FakeConnection connection, SmtpSession session) {
    }
}
