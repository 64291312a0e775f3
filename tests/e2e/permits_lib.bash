# Helpers for the permit end-to-end tests: a city config and many due permits made in bulk.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=../../scripts/lib/due_permits.bash
source "$VRATHAUS_SOURCE_DIR/scripts/lib/due_permits.bash"
due_permits_config "$T/city.yaml"
export VRATHAUS_CONFIG=$T/city.yaml
