package dev.gigafactory.coder.domain;

import dev.gigafactory.contracts.artifacts.SourceTree;

/** What a code agent produced: the product's source tree, for which stack, by which agent. */
public record GeneratedSource(SourceTree tree, String stack, String agent) {
}
