#include "common/util/name_words.h"

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

}  // namespace claims
