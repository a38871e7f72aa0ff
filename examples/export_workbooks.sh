#!/bin/sh
# Writes examples/workbooks/NAME.xlsx, the 台账 workbook of each example package examples/NAME.json,
# with `civcheck export` of the built jar (mvn -B -q -ntp package -DskipTests first). Run it again
# after a change of the examples or of the workbook's layout; ExampleWorkbooksTest fails until then.
set -eu
cd "$(dirname "$0")/.."
for package in examples/*.json; do
    java -jar target/civcheck.jar export "$package" -o "examples/workbooks/$(basename "$package" .json).xlsx"
done
