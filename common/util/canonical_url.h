// Canonical form of an article URL, so the same page crawled twice (with
// tracking parameters, a fragment, another letter case in the host or a
// default port) is recognised as one article.
//
//   CanonicalUrl("HTTPS://www.Example.com:443/news/a/?utm_source=x&b=2&a=1#top")
//     == "https://example.com/news/a?a=1&b=2"
//   UrlHost("https://example.com/news/a") == "example.com"
#ifndef CLAIMS_COMMON_UTIL_CANONICAL_URL_H_
#define CLAIMS_COMMON_UTIL_CANONICAL_URL_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claims {

// Lower-case scheme and host, "www." dropped from the host, no user info,
// default port, fragment, trailing slash or tracking parameters (utm_*,
// fbclid, gclid, ...), remaining query parameters sorted. "" when `url` is
// not an absolute http(s) URL.
std::string CanonicalUrl(absl::string_view url);

// The host of a canonical URL ("" when there is none).
std::string UrlHost(absl::string_view canonical_url);

// A host as a user types it ("WWW.Example.com") in the form UrlHost gives.
std::string NormalizeHost(absl::string_view host);

}  // namespace claims

#endif  // CLAIMS_COMMON_UTIL_CANONICAL_URL_H_
