#include "common/util/canonical_url.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace claims {
namespace {

// Query parameters that identify a campaign or a click, not the page.
bool IsTrackingParameter(absl::string_view name) {
  static constexpr absl::string_view kExact[] = {
      "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
      "ocid",   "cmpid", "igshid", "_ga",    "ref_src"};
  std::string lower = absl::AsciiStrToLower(name);
  if (absl::StartsWith(lower, "utm_")) return true;
  return std::find(std::begin(kExact), std::end(kExact), lower) !=
         std::end(kExact);
}

}  // namespace

std::string NormalizeHost(absl::string_view host) {
  std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(host));
  absl::string_view h = lower;
  absl::ConsumePrefix(&h, "www.");
  while (absl::ConsumeSuffix(&h, ".")) {
  }
  return std::string(h);
}

std::string CanonicalUrl(absl::string_view url) {
  url = absl::StripAsciiWhitespace(url);
  const size_t scheme_end = url.find("://");
  if (scheme_end == absl::string_view::npos) return "";
  const std::string scheme = absl::AsciiStrToLower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return "";
  absl::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('#'));
  const size_t authority_end = rest.find_first_of("/?");
  absl::string_view authority = rest.substr(0, authority_end);
  absl::string_view path_and_query =
      authority_end == absl::string_view::npos ? "" : rest.substr(authority_end);
  if (size_t at = authority.rfind('@'); at != absl::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  std::string host(authority);
  const std::string default_port = scheme == "http" ? ":80" : ":443";
  if (absl::EndsWith(host, default_port)) {
    host.resize(host.size() - default_port.size());
  }
  host = NormalizeHost(host);
  if (host.empty()) return "";

  absl::string_view path = path_and_query.substr(0, path_and_query.find('?'));
  absl::string_view query;
  if (size_t q = path_and_query.find('?'); q != absl::string_view::npos) {
    query = path_and_query.substr(q + 1);
  }
  while (path.size() > 1 && absl::EndsWith(path, "/")) path.remove_suffix(1);
  if (path == "/") path = "";
  std::vector<absl::string_view> kept;
  for (absl::string_view param : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    if (!IsTrackingParameter(param.substr(0, param.find('=')))) {
      kept.push_back(param);
    }
  }
  std::sort(kept.begin(), kept.end());
  std::string canonical = scheme + "://" + host + std::string(path);
  if (!kept.empty()) canonical += "?" + absl::StrJoin(kept, "&");
  return canonical;
}

std::string UrlHost(absl::string_view canonical_url) {
  const size_t scheme_end = canonical_url.find("://");
  if (scheme_end == absl::string_view::npos) return "";
  absl::string_view rest = canonical_url.substr(scheme_end + 3);
  absl::string_view host = rest.substr(0, rest.find_first_of("/?"));
  // The port is not part of the host.
  if (size_t colon = host.rfind(':');
      colon != absl::string_view::npos && host.find(']') == absl::string_view::npos) {
    host = host.substr(0, colon);
  }
  return std::string(host);
}

}  // namespace claims
