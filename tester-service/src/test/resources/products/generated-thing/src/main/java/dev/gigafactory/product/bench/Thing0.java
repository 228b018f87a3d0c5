package dev.gigafactory.product.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Thing0 as stored and answered: its {@code id} and the spec's fields.
 * An optional field the client left out, without a default, is null.
 */
record Thing0(
        String id,
        String title,
        String code,
        String notes,
        Long count,
        BigDecimal price,
        Boolean active,
        LocalDate due,
        String size) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id());
        json.put("title", title());
        json.put("code", code());
        json.put("notes", notes());
        json.put("count", count());
        json.put("price", price());
        json.put("active", active());
        json.put("due", due() == null ? null : due().toString());
        json.put("size", size());
        return json;
    }
}
