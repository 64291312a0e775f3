#pragma once
// libcurl, loaded the first time a command talks to a server. Linked at build time it would cost
// every local command about 8 ms of start-up — it brings GnuTLS, Kerberos, LDAP, SSH, RTMP and
// their initialisers — which is most of the time a local `accounts show` takes. The functions
// keep their libcurl signatures; only the calls go through this table.
#include <curl/curl.h>

namespace vrathaus {

struct CurlLibrary {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_reset) easy_reset;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_perform) easy_perform;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_easy_escape) easy_escape;
  decltype(&::curl_free) free;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
};

// Loads libcurl (once, thread-safe) and runs curl_global_init. Throws Error(internal) naming the
// library when it is not installed.
const CurlLibrary& curl_library();

}  // namespace vrathaus
