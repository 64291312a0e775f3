# Full RELRO for every binary and module, as Debian's hardening flags have it: the dynamic linker
# resolves all symbols at start-up and then makes the relocation tables read-only, so a memory bug
# cannot redirect a library call (lintian's hardening-no-bindnow).
add_link_options(LINKER:-z,relro LINKER:-z,now)
