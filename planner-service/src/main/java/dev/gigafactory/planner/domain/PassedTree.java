package dev.gigafactory.planner.domain;

/**
 * The code an earlier version passed the gate with: the base every plan of a later version names.
 *
 * @param version the version that passed (the newest earlier one that did)
 * @param sourceDigest the source tree of its newest passing attempt
 */
public record PassedTree(int version, String sourceDigest) {
}
