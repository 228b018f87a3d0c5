#!/bin/sh
# Builds the product with the JDK alone (17 or newer): compile, run the tests, package a runnable jar.
set -eu
cd "$(dirname "$0")"
rm -rf build
mkdir -p build/classes build/test-classes
javac --release 17 -d build/classes $(find src/main/java -name '*.java')
javac --release 17 -cp build/classes -d build/test-classes $(find src/test/java -name '*.java')
java -cp build/classes:build/test-classes dev.gigafactory.product.bench.ProductTest
jar --create --file build/bench.jar --main-class dev.gigafactory.product.bench.Main -C build/classes .
echo "built build/bench.jar"
