package dev.gigafactory.contracts.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Slo(BigDecimal availability, Integer latencyP99Ms) {

    public static final Slo DEFAULT = new Slo(new BigDecimal("99.5"), 250);

    Slo normalized() {
        return new Slo(
                availability == null
                        ? DEFAULT.availability
                        : new BigDecimal(availability.stripTrailingZeros().toPlainString()),
                latencyP99Ms == null ? DEFAULT.latencyP99Ms : latencyP99Ms);
    }
}
