package io.postflow.gateway.mailbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * mailbox-service's internal API (README "Internal mailbox API") on the non-blocking Vert.x
 * HttpClient, the way smtp-ingress's MailboxPasswordCheck calls it. Every method is one HTTP
 * round trip (paged answers excepted); failures are {@link MailboxApiException}. Mailboxes an IMAP
 * command names are passed by name ({@code …/mailboxes/by-name…?name=}), so no call looks a name
 * up first; the selected mailbox goes by id. {@link #requests()} counts the round trips.
 */
@ApplicationScoped
public class MailboxClient {

    private static final String BASE = "/internal/v1";
    private static final int PAGE = 5000;

    private final HttpClient client;
    private final String url;
    private final String token;
    private final long timeoutMillis;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong changeRequests = new AtomicLong();

    public MailboxClient(Vertx vertx, MailboxApiConfig api, InternalTokenConfig internal) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) api.timeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(api.maxConnections()));
        this.url = api.url().replaceAll("/+$", "");
        this.token = internal.token().orElse("");
        this.timeoutMillis = api.timeout().toMillis();
    }

    /** The canonical account name of a matching password. */
    public Future<String> verify(String address, String password, String clientAddress) {
        JsonObject body = new JsonObject().put("address", address).put("password", password).put("clientAddress", clientAddress);
        return json(HttpMethod.POST, BASE + "/auth/verify", body.toBuffer()).map(b -> b.toJsonObject().getString("account"));
    }

    public Future<List<MailboxInfo>> mailboxes(String account) {
        return json(HttpMethod.GET, mailboxesPath(account), null).map(b -> {
            JsonArray array = b.toJsonArray();
            List<MailboxInfo> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                out.add(MailboxInfo.of(array.getJsonObject(i)));
            }
            return out;
        });
    }

    /**
     * The mailboxes and the subscribed names in one call (extended LIST with SUBSCRIBED, RFC 5258):
     * a subscribed name may have no mailbox.
     */
    public Future<Listing> listing(String account) {
        return json(HttpMethod.GET, BASE + "/accounts/" + encode(account) + "/listing", null).map(b -> {
            JsonObject j = b.toJsonObject();
            JsonArray array = j.getJsonArray("mailboxes");
            List<MailboxInfo> mailboxes = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                mailboxes.add(MailboxInfo.of(array.getJsonObject(i)));
            }
            return new Listing(mailboxes, Json.strings(j.getJsonArray("subscriptions")));
        });
    }

    /** The account's storage limit and use (QUOTA, RFC 9208). */
    public Future<Quota> quota(String account) {
        return json(HttpMethod.GET, BASE + "/accounts/" + encode(account), null).map(b -> {
            JsonObject j = b.toJsonObject();
            return new Quota(j.getLong("quotaBytes"), j.getLong("usedBytes", 0L));
        });
    }

    /** HTTP requests sent to mailbox-service since start: what "one round trip per command" is measured by. */
    public long requests() {
        return requests.get();
    }

    /**
     * Of {@link #requests()}, the changes calls: a session's catch-up after a {@code mailbox.events}
     * hint (or NOOP), which runs before whichever tagged response comes next, not as part of it.
     */
    public long changeRequests() {
        return changeRequests.get();
    }

    /** One mailbox by name, with its status (STATUS). */
    public Future<MailboxInfo> byName(String account, String name) {
        return json(HttpMethod.GET, byNamePath(account, "", name), null).map(b -> MailboxInfo.of(b.toJsonObject()));
    }

    /** The subscribed names (LSUB), whether their mailboxes exist or not. */
    public Future<List<String>> subscriptions(String account) {
        return json(HttpMethod.GET, BASE + "/accounts/" + encode(account) + "/subscriptions", null)
                .map(b -> Json.strings(b.toJsonArray()));
    }

    /** CREATE; {@code specialUse} (CREATE-SPECIAL-USE) null for none. */
    public Future<MailboxInfo> create(String account, String name, String specialUse) {
        JsonObject body = new JsonObject().put("name", name);
        if (specialUse != null) {
            body.put("specialUse", specialUse);
        }
        return json(HttpMethod.POST, mailboxesPath(account), body.toBuffer())
                .map(b -> MailboxInfo.of(b.toJsonObject()));
    }

    public Future<Void> delete(String account, String name) {
        return json(HttpMethod.DELETE, byNamePath(account, "", name), null).mapEmpty();
    }

    public Future<MailboxInfo> rename(String account, String name, String newName) {
        return json(HttpMethod.POST, byNamePath(account, "/rename", name), new JsonObject().put("name", newName).toBuffer())
                .map(b -> MailboxInfo.of(b.toJsonObject()));
    }

    public Future<Void> subscribe(String account, String name, boolean subscribed) {
        return json(subscribed ? HttpMethod.PUT : HttpMethod.DELETE,
                BASE + "/accounts/" + encode(account) + "/subscriptions?name=" + encode(name), null).mapEmpty();
    }

    /** SELECT or EXAMINE by name: the mailbox, its \Recent claim and its UID list in one answer. */
    public Future<SelectInfo> select(String account, String name, boolean readOnly) {
        return json(HttpMethod.POST, byNamePath(account, "/select", name),
                new JsonObject().put("readOnly", readOnly).toBuffer()).map(b -> SelectInfo.of(b.toJsonObject()));
    }

    /**
     * Changes after {@code sinceModseq}, following {@code more} pages. With {@code claimRecent}
     * (a read-write session) the first page claims the new arrivals as \Recent for this session.
     */
    public Future<Changes> changes(String account, long id, long sinceModseq, boolean claimRecent) {
        return changesPage(account, id, sinceModseq, 0, claimRecent, new ArrayList<>(), null);
    }

    private Future<Changes> changesPage(String account, long id, long since, long afterUid, boolean claim,
                                        List<FlagState> acc, long[] claimed) {
        String path = mailboxPath(account, id) + "/changes?sinceModseq=" + since + "&limit=" + PAGE
                + (afterUid > 0 ? "&afterUid=" + afterUid : "") + (claim ? "&claimRecent=true" : "");
        changeRequests.incrementAndGet();
        return json(HttpMethod.GET, path, null).compose(b -> {
            JsonObject j = b.toJsonObject();
            JsonArray changed = j.getJsonArray("changed");
            for (int i = 0; i < changed.size(); i++) {
                acc.add(FlagState.of(changed.getJsonObject(i)));
            }
            JsonArray recent = j.getJsonArray("recentUids");
            long[] range = claimed != null ? claimed
                    : recent == null || recent.isEmpty() ? null : new long[] {recent.getLong(0), recent.getLong(1)};
            if (j.getBoolean("more", false) && !acc.isEmpty()) {
                return changesPage(account, id, since, acc.get(acc.size() - 1).uid(), false, acc, range);
            }
            return Future.succeededFuture(new Changes(j.getLong("highestModseq"), j.getLong("uidNext"), acc,
                    Json.longs(j.getJsonArray("expunged")), range));
        });
    }

    /** FETCH metadata of a UID set, every page joined; {@code fields} as the API names them. */
    public Future<List<MessageMeta>> messages(String account, long id, String uids, String fields) {
        return messages(account, id, uids, fields, null);
    }

    /** As {@link #messages(String, long, String, String)}, only messages with a greater MODSEQ when {@code changedSince} is set. */
    public Future<List<MessageMeta>> messages(String account, long id, String uids, String fields, Long changedSince) {
        return messagesPage(account, id, uids, fields, changedSince, 0, new ArrayList<>());
    }

    private Future<List<MessageMeta>> messagesPage(String account, long id, String uids, String fields, Long changedSince,
                                                   long afterUid, List<MessageMeta> acc) {
        String path = mailboxPath(account, id) + "/messages?uids=" + encode(uids) + "&limit=" + PAGE
                + (fields.isEmpty() ? "" : "&fields=" + fields) + (changedSince != null ? "&changedSince=" + changedSince : "")
                + (afterUid > 0 ? "&afterUid=" + afterUid : "");
        return json(HttpMethod.GET, path, null).compose(b -> {
            JsonObject j = b.toJsonObject();
            acc.addAll(MessageMeta.list(j.getJsonArray("messages")));
            Long next = j.getLong("next");
            return next == null ? Future.succeededFuture(acc)
                    : messagesPage(account, id, uids, fields, changedSince, next, acc);
        });
    }

    /**
     * FETCH with bodies in one call: the framed stream of the set's metadata and section octets
     * (README "Internal mailbox API"), not yet read: the caller consumes it with a
     * {@link FetchFrames} reader, or resets it. With {@code markSeen} the set gets \Seen first.
     *
     * @param sections     per section {@code [specifier, offset, length]}; offset -1 for the whole section
     * @param changedSince only messages with a greater MODSEQ (after \Seen is set), or null for all
     */
    public Future<HttpClientResponse> fetch(String account, long id, String uids, String fields, List<Object[]> sections,
                                            boolean markSeen, Long changedSince) {
        JsonArray wanted = new JsonArray();
        for (Object[] s : sections) {
            JsonObject section = new JsonObject().put("section", s[0]);
            if ((long) s[1] >= 0) {
                section.put("offset", s[1]).put("length", s[2]);
            }
            wanted.add(section);
        }
        JsonObject body = new JsonObject().put("uids", uids).put("sections", wanted).put("markSeen", markSeen);
        if (!fields.isEmpty()) {
            body.put("fields", fields);
        }
        if (changedSince != null) {
            body.put("changedSince", changedSince);
        }
        RequestOptions options = options(HttpMethod.POST, mailboxPath(account, id) + "/fetch")
                .putHeader("Content-Type", "application/json");
        requests.incrementAndGet();
        return client.request(options)
                .compose(req -> req.send(body.toBuffer()))
                .recover(MailboxClient::unavailable)
                .compose(response -> response.statusCode() == 200 ? Future.succeededFuture(response)
                        : response.body().compose(b -> Future.failedFuture(refusal(response.statusCode(), b))));
    }

    /**
     * The bytes of a section, not yet read: the caller streams the response (its Content-Length
     * is the literal's size) and must consume or reset it.
     */
    public Future<HttpClientResponse> content(String account, long id, long uid, String section, long offset, long length) {
        StringBuilder path = new StringBuilder(mailboxPath(account, id)).append("/messages/").append(uid)
                .append("/content?section=").append(encode(section));
        if (offset >= 0) {
            path.append("&offset=").append(offset).append("&length=").append(length);
        }
        requests.incrementAndGet();
        return client.request(options(HttpMethod.GET, path.toString()))
                .compose(req -> req.send())
                .recover(MailboxClient::unavailable)
                .compose(response -> response.statusCode() == 200 ? Future.succeededFuture(response)
                        : response.body().compose(body -> Future.failedFuture(refusal(response.statusCode(), body))));
    }

    /** STORE, with UNCHANGEDSINCE when {@code unchangedSince} is set (RFC 7162 §3.1.3). */
    public Future<StoreResult> store(String account, long id, String uids, String mode, List<String> flags,
                                     Long unchangedSince) {
        JsonObject body = new JsonObject().put("uids", uids).put("mode", mode)
                .put("flags", new JsonArray(flags.stream().filter(f -> f.startsWith("\\")).toList()))
                .put("keywords", new JsonArray(flags.stream().filter(f -> !f.startsWith("\\")).toList()));
        if (unchangedSince != null) {
            body.put("unchangedSince", unchangedSince);
        }
        return json(HttpMethod.POST, mailboxPath(account, id) + "/flags", body.toBuffer()).map(b -> {
            JsonObject j = b.toJsonObject();
            JsonArray modified = j.getJsonArray("modified");
            return new StoreResult(states(j.getJsonArray("updated")), states(j.getJsonArray("unchanged")),
                    modified == null ? List.of() : Json.longs(modified));
        });
    }

    private static List<FlagState> states(JsonArray array) {
        List<FlagState> out = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            out.add(FlagState.of(array.getJsonObject(i)));
        }
        return out;
    }

    /** COPY to a mailbox named by the command. */
    public Future<CopyResult> copy(String account, long id, String uids, String targetName) {
        JsonObject body = new JsonObject().put("uids", uids).put("targetName", targetName).put("move", false);
        return json(HttpMethod.POST, mailboxPath(account, id) + "/copy", body.toBuffer()).map(b -> {
            JsonObject j = b.toJsonObject();
            JsonArray pairs = j.getJsonArray("mapping");
            List<long[]> mapping = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                JsonArray p = pairs.getJsonArray(i);
                mapping.add(new long[] {p.getLong(0), p.getLong(1)});
            }
            return new CopyResult(j.getLong("targetId", 0L), j.getLong("uidValidity"), mapping);
        });
    }

    /** MOVE (RFC 6851): copies and expunges the originals in one transaction of mailbox-service. */
    public Future<MoveResult> move(String account, long id, String uids, String targetName) {
        JsonObject body = new JsonObject().put("uids", uids).put("targetName", targetName).put("move", true);
        return json(HttpMethod.POST, mailboxPath(account, id) + "/copy", body.toBuffer()).map(b -> MoveResult.of(b.toJsonObject()));
    }

    /** The expunged UIDs; {@code uids} null for every \Deleted message. */
    public Future<List<Long>> expunge(String account, long id, String uids) {
        JsonObject body = new JsonObject();
        if (uids != null) {
            body.put("uids", uids);
        }
        return json(HttpMethod.POST, mailboxPath(account, id) + "/expunge", body.toBuffer())
                .map(b -> Json.longs(b.toJsonObject().getJsonArray("expunged")));
    }

    /** APPEND to a mailbox named by the command; the date keeps the client's zone. */
    public Future<AppendResult> append(String account, String name, byte[] message, List<String> flags, OffsetDateTime date) {
        StringBuilder path = new StringBuilder(byNamePath(account, "/messages", name)).append('&');
        for (String flag : flags) {
            path.append(flag.startsWith("\\") ? "flags=" : "keywords=").append(encode(flag)).append('&');
        }
        if (date != null) {
            path.append("internalDate=").append(encode(date.toString()));
        }
        RequestOptions options = options(HttpMethod.POST, path.toString()).putHeader("Content-Type", "message/rfc822");
        return call(options, Buffer.buffer(message)).map(b -> {
            JsonObject j = b.toJsonObject();
            return new AppendResult(j.getLong("mailboxId", 0L), j.getLong("uidValidity"), j.getLong("uid"));
        });
    }

    /** SEARCH: the matching UIDs, ascending, and their highest MODSEQ when the criteria use MODSEQ. */
    public Future<SearchResult> search(String account, long id, JsonObject criteria) {
        return json(HttpMethod.POST, mailboxPath(account, id) + "/search", new JsonObject().put("criteria", criteria).toBuffer())
                .map(b -> {
                    JsonObject j = b.toJsonObject();
                    return new SearchResult(Json.longs(j.getJsonArray("uids")), j.getLong("maxModseq"));
                });
    }

    private Future<Buffer> json(HttpMethod method, String path, Buffer body) {
        RequestOptions options = options(method, path);
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return call(options, body);
    }

    private Future<Buffer> call(RequestOptions options, Buffer body) {
        requests.incrementAndGet();
        return client.request(options)
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(response -> response.body().map(content -> checked(response.statusCode(), content)))
                .recover(MailboxClient::unavailable);
    }

    private RequestOptions options(HttpMethod method, String path) {
        return new RequestOptions().setMethod(method).setAbsoluteURI(url + path).setTimeout(timeoutMillis)
                .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "application/json, */*");
    }

    private static Buffer checked(int status, Buffer content) {
        if (status >= 200 && status < 300) {
            return content;
        }
        throw refusal(status, content);
    }

    private static MailboxApiException refusal(int status, Buffer content) {
        try {
            JsonObject error = content.toJsonObject();
            return new MailboxApiException(status, error.getString("error", "unavailable"), error.getString("detail", ""));
        } catch (DecodeException | ClassCastException e) {
            return new MailboxApiException(status, "unavailable", "HTTP " + status);
        }
    }

    private static <T> Future<T> unavailable(Throwable failure) {
        if (failure instanceof MailboxApiException) {
            return Future.failedFuture(failure);
        }
        return Future.failedFuture(new MailboxApiException(0, "unavailable", failure.toString()));
    }

    private static String mailboxesPath(String account) {
        return BASE + "/accounts/" + encode(account) + "/mailboxes";
    }

    private static String mailboxPath(String account, long id) {
        return mailboxesPath(account) + "/" + id;
    }

    /** {@code …/mailboxes/by-name{rest}?name=…}: the mailbox an IMAP command names, without a lookup. */
    private static String byNamePath(String account, String rest, String name) {
        return mailboxesPath(account) + "/by-name" + rest + "?name=" + encode(name);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
