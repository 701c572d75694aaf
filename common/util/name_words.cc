#include "common/util/name_words.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace claims {

bool IsGenerationalSuffix(absl::string_view word) {
  word = absl::StripSuffix(word, ".");
  for (absl::string_view suffix : {"jr", "sr", "snr", "jnr", "ii", "iii", "iv"}) {
    if (absl::EqualsIgnoreCase(word, suffix)) return true;
  }
  return false;
}

bool IsSeniorSuffix(absl::string_view word) {
  word = absl::StripSuffix(word, ".");
  return absl::EqualsIgnoreCase(word, "sr") || absl::EqualsIgnoreCase(word, "snr");
}

bool IsOrganisationHead(absl::string_view word) {
  static constexpr absl::string_view kHeads[] = {
      "Institute",   "Institution", "University", "College",      "Academy",
      "Foundation",  "Council",     "Association", "Society",     "Agency",
      "Commission",  "Committee",   "Ministry",   "Department",   "Corporation",
      "Fund",        "Trust",       "League",     "Federation",   "Organisation",
      "Organization", "Authority",  "Bureau",     "Hospital",     "Museum",
      "Party",        "Alliance",   "Movement",   "Brothers",     "Hermanos",
      "Frères",       "Gebrüder",   "Holdings",   "Logistics",    "Industries",
      "Airlines",     "Airways",    "Enterprises", "Church"};
  return std::find(std::begin(kHeads), std::end(kHeads), word) != std::end(kHeads);
}

}  // namespace claims
