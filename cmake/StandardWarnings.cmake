# Warnings for our own targets only, as an interface target (ccache's pattern).
option(VRATHAUS_WERROR "Treat warnings as errors" OFF)
add_library(vrathaus_warnings INTERFACE)
target_compile_options(vrathaus_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${VRATHAUS_WERROR}>:-Werror>)
