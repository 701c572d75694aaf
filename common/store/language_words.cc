#include "common/store/language_words.h"

#include <algorithm>
#include <unordered_set>

namespace claims::store_internal {

// Generated from the knowledge/extract word lists (embed_words.cmake).
extern const std::string_view kLanguageWordList;

bool IsLanguageWord(std::string_view folded_word) {
  static const auto* const kWords = [] {
    auto* words = new std::unordered_set<std::string_view>();
    std::string_view rest = kLanguageWordList;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find('\n'), rest.size());
      const std::string_view line = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      if (!line.empty() && line[0] != '#') words->insert(line);
    }
    return words;
  }();
  return kWords->count(folded_word) > 0;
}

}  // namespace claims::store_internal
