package dev.gigafactory.contracts.bench;

/** A realistic spec: five entities, every field type, constraints, and acceptance cases. */
public final class FiveEntitySpec {

    private FiveEntitySpec() {
    }

    public static String yaml() {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: gigafactory.dev/v1alpha1
                kind: ServiceSpec
                metadata: { name: shop, labels: { team: retail, tier: gold } }
                spec:
                  description: A shop with customers, products, orders, invoices and reviews.
                  entities:
                """);
        for (String entity : new String[]{"Customer", "Product", "Order", "Invoice", "Review"}) {
            yaml.append("""
                        - name: %s
                          fields:
                            - { name: title, type: string, required: true, minLength: 1, maxLength: 120 }
                            - { name: code, type: string, pattern: "^[A-Z]{3}-[0-9]{4}$" }
                            - { name: notes, type: text }
                            - { name: quantity, type: integer, minimum: 0, maximum: 10000, default: 1 }
                            - { name: price, type: decimal, minimum: 0, maximum: 99999.99 }
                            - { name: active, type: boolean, default: true }
                            - { name: since, type: date }
                            - { name: updatedAt, type: datetime }
                            - { name: ref, type: uuid }
                            - { name: level, type: enum, values: [bronze, silver, gold], default: bronze }
                    """.formatted(entity));
        }
        yaml.append("  acceptance:\n");
        for (String plural : new String[]{"customers", "products", "orders", "invoices", "reviews"}) {
            yaml.append("""
                        - name: create and read %1$s
                          steps:
                            - request: { method: POST, path: /%1$s, body: { title: first, quantity: 2 } }
                              expect: { status: 201, body: { title: first, active: true } }
                              save: { id: $.id }
                            - request: { method: GET, path: "/%1$s/{id}" }
                              expect: { status: 200, body: { quantity: 2 } }
                    """.formatted(plural));
        }
        yaml.append("  slo: { availability: 99.9, latencyP99Ms: 200 }\n");
        return yaml.toString();
    }
}
