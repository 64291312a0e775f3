# `cpack -G DEB` in the build tree builds vrathaus_VERSION-RELEASE_ARCH.deb from the same
# installation `cmake --install` does (packaging/CMakeLists.txt lists what it brings), under /usr.
# The maintainer and the Debian revision are set in packaging/CMakeLists.txt (its changelog needs them).

set(CPACK_PACKAGE_NAME vrathaus)
set(CPACK_PACKAGE_VENDOR "vrathaus maintainers")
set(CPACK_PACKAGE_CONTACT "${VRATHAUS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "staff toolkit of a city's virtual town hall")
# The extended description: lines of at most 80 characters (Debian policy, checked by lintian).
set(CPACK_PACKAGE_DESCRIPTION
    "vrathaus is the staff-side command-line toolkit of a German city's virtual
town hall: citizen and business accounts in tiers, in-person upgrades by
certified staff, staff certifications with a coverage rule, resident parking
permits renewed every year and paid by SEPA direct debit, and bulk imports of
business customers.
.
One binary works on a local SQLite store or, with --remote, on the REST API
that `vrathaus serve` provides. The package brings systemd timers for the
nightly permit renewal, the SEPA export, the hourly audit seal and a daily
health check, and a unit for the REST server.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr)
# Install with DESTDIR, so CMAKE_INSTALL_PREFIX is /usr while installing: the systemd units name
# /usr/bin/vrathaus, not the staging directory.
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${VRATHAUS_DEBIAN_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps finds the libraries the binary and the module link. It cannot see the ones the
# binary loads with dlopen on first use: libcurl.so.4 (remote mode, lib/remote/curl_library.cpp)
# and libxml2.so.2 (the bank's return files, lib/core/xml_library.cpp), named here; libcrypto.so.3
# comes with libssl3, which the server module links. The maintainer scripts need systemd-sysusers
# and systemd-tmpfiles (systemd, or their standalone packages without it).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libcurl4, libxml2, systemd | systemd-standalone-sysusers, systemd | systemd-standalone-tmpfiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
# Maintainer scripts 0755 and control files 0644, owned by root, as dpkg and lintian expect.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_GENERATOR DEB)
include(CPack)
