package dev.gigafactory.product.bench;

import java.util.Map;

/** Thing0 records in creation order, durable through the journal. */
final class Thing0Store extends Store<Thing0> {

    Thing0Store(Journal journal) {
        super("Thing0", journal);
    }

    @Override
    protected Thing0 fromRequest(String id, Map<String, Object> body) {
        return Thing0Validator.fromRequest(id, body);
    }

    @Override
    protected Thing0 fromStored(String id, Map<String, Object> object) {
        return Thing0Validator.fromStored(id, object);
    }

    @Override
    protected Map<String, Object> toJson(Thing0 value) {
        return value.toJson();
    }
}
