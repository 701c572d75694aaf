#include "common/util/name_words.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace claims {

bool IsGenerationalSuffix(absl::string_view word) {
  word = absl::StripSuffix(word, ".");
  for (absl::string_view suffix : {"jr", "sr", "ii", "iii", "iv"}) {
    if (absl::EqualsIgnoreCase(word, suffix)) return true;
  }
  return false;
}

}  // namespace claims
