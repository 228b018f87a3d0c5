package dev.gigafactory.product.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entity's records: kept in memory in creation order, made durable by the journal. Every change is written to
 * the journal before it is applied, so an answer the client saw is never lost.
 *
 * @param <T> the entity's record type
 */
abstract class Store<T> {

    private final String entity;
    private final Journal journal;
    private final Map<String, T> records = new LinkedHashMap<>();

    protected Store(String entity, Journal journal) {
        this.entity = entity;
        this.journal = journal;
    }

    /** Validates a request body; throws a 400 {@link Problem} naming every invalid field. */
    protected abstract T fromRequest(String id, Map<String, Object> body);

    /** Reads a journal record, possibly written by an older version: never throws for a field it cannot read. */
    protected abstract T fromStored(String id, Map<String, Object> object);

    protected abstract Map<String, Object> toJson(T record);

    String entity() {
        return entity;
    }

    synchronized Map<String, Object> create(Map<String, Object> body) {
        String id = UUID.randomUUID().toString();
        T record = fromRequest(id, body);
        Map<String, Object> json = toJson(record);
        journal.put(entity, id, json);
        records.put(id, record);
        return json;
    }

    /** The record, or null when there is none with that id. */
    synchronized Map<String, Object> get(String id) {
        T record = records.get(id);
        return record == null ? null : toJson(record);
    }

    synchronized List<Map<String, Object>> list() {
        List<Map<String, Object>> all = new ArrayList<>(records.size());
        records.values().forEach(record -> all.add(toJson(record)));
        return all;
    }

    /** Replaces the whole record (fields not given take their defaults); null when there is none with that id. */
    synchronized Map<String, Object> replace(String id, Map<String, Object> body) {
        if (!records.containsKey(id)) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>(body);
        // Clients often send back what they read; an id equal to the path's is no change, so it is allowed.
        if (id.equals(fields.get("id"))) {
            fields.remove("id");
        }
        T record = fromRequest(id, fields);
        Map<String, Object> json = toJson(record);
        journal.put(entity, id, json);
        records.put(id, record);
        return json;
    }

    synchronized boolean delete(String id) {
        if (!records.containsKey(id)) {
            return false;
        }
        journal.delete(entity, id);
        records.remove(id);
        return true;
    }

    synchronized void replayPut(String id, Map<String, Object> object) {
        records.put(id, fromStored(id, object));
    }

    synchronized void replayDelete(String id) {
        records.remove(id);
    }

    synchronized int size() {
        return records.size();
    }
}
