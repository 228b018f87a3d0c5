package dev.gigafactory.stacks.spi;

import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.JdkHttpStack;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import dev.gigafactory.stacks.quarkus.QuarkusStack;
import java.util.List;
import java.util.Optional;

/** Every stack the factory writes, by the name a spec gives in {@code spec.stack}: the one place a stack is listed. */
public final class ProductStacks {

    private static final List<ProductStack> ALL = List.of(new JdkHttpStack(), new QuarkusStack());

    private ProductStacks() {
    }

    public static List<ProductStack> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(ProductStack::name).toList();
    }

    public static Optional<ProductStack> named(String name) {
        return ALL.stream().filter(stack -> stack.name().equals(name)).findFirst();
    }

    /**
     * The stack the document asks for ({@code jdk-http} when it names none).
     *
     * @throws UnsafeSpecException naming the stack and the known ones when no stack has that name
     */
    public static ProductStack of(ServiceSpec document) {
        String name = document.spec() == null || document.spec().stack() == null
                ? ServiceDefinition.DEFAULT_STACK
                : document.spec().stack();
        return named(name).orElseThrow(() -> new UnsafeSpecException(document.name(), List.of("/spec/stack: no stack '"
                + name + "'; the factory writes " + String.join(", ", names()))));
    }
}
