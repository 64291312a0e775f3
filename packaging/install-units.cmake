# Runs at install time (install(SCRIPT) in CMakeLists.txt): writes each systemd service with the
# absolute path the binary is being installed at. CMAKE_INSTALL_PREFIX is the real prefix here
# (/usr for the Debian package, whose staging root is DESTDIR), so a unit never names the
# staging directory.
set(unit_dir "${CMAKE_INSTALL_PREFIX}/${VRATHAUS_UNIT_DIR}")
set(VRATHAUS_BIN "${CMAKE_INSTALL_PREFIX}/${VRATHAUS_BINDIR}/vrathaus")
foreach(template IN LISTS VRATHAUS_UNIT_TEMPLATES)
  get_filename_component(unit ${template} NAME_WLE)
  message(STATUS "Installing: $ENV{DESTDIR}${unit_dir}/${unit}")
  configure_file(${template} "$ENV{DESTDIR}${unit_dir}/${unit}" @ONLY NO_SOURCE_PERMISSIONS)
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES "${unit_dir}/${unit}")
endforeach()
