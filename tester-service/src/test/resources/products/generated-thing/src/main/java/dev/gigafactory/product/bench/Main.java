package dev.gigafactory.product.bench;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Starts the bench service (spec version 1): stores, journal replay, routes, HTTP. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        Journal journal = Journal.open(Server.dataDir());
        Thing0Store thing0Store = new Thing0Store(journal);
        journal.replay(List.of(thing0Store));

        Router router = new Router(new Metrics());
        router.register("thing0s", thing0Store, Set.of("create", "get", "list", "update", "delete"));
        Server.start(router, journal);
    }
}
