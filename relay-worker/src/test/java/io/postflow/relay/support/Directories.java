package io.postflow.relay.support;

import io.postflow.common.directory.DirectoryCodec;
import io.postflow.common.directory.DirectoryEntry;
import io.postflow.common.directory.DirectoryView;
import java.util.List;

/** Builds in-memory directory views the way the topic reader does: through the record codec. */
public final class Directories {

    private Directories() {
    }

    public static DirectoryView of(DirectoryEntry... entries) {
        DirectoryView view = new DirectoryView();
        for (DirectoryEntry e : entries) {
            view.apply(DirectoryCodec.key(e), DirectoryCodec.encode(e));
        }
        view.markLoaded();
        return view;
    }

    public static DirectoryEntry domain(String name) {
        return new DirectoryEntry.LocalDomain(name);
    }

    public static DirectoryEntry account(String address) {
        return new DirectoryEntry.Account(address);
    }

    public static DirectoryEntry alias(String address, String... targets) {
        return new DirectoryEntry.Alias(address, List.of(targets));
    }
}
