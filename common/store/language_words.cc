#include "common/store/language_words.h"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace claims::store_internal {

// Generated from the knowledge/extract word lists (embed_words.cmake).
extern const std::string_view kLanguageWordList;
extern const std::string_view kLegalFormList;
extern const std::string_view kNicknameList;
extern const std::string_view kGivenNameList;

namespace {

// The words of a list: one a line, '#' comments.
const std::unordered_set<std::string_view>* Lines(std::string_view list) {
  auto* words = new std::unordered_set<std::string_view>();
  std::string_view rest = list;
  while (!rest.empty()) {
    const size_t end = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (!line.empty() && line[0] != '#') words->insert(line);
  }
  return words;
}

}  // namespace

bool IsLanguageWord(std::string_view folded_word) {
  static const auto* const kWords = Lines(kLanguageWordList);
  return kWords->count(folded_word) > 0;
}

bool IsLegalForm(std::string_view folded_word) {
  static const auto* const kWords = Lines(kLegalFormList);
  return kWords->count(folded_word) > 0;
}

std::string_view FullGivenName(std::string_view folded_word) {
  static const auto* const kFull = [] {
    auto* full = new std::unordered_map<std::string_view, std::string_view>();
    const std::unique_ptr<const std::unordered_set<std::string_view>> lines(
        Lines(kNicknameList));
    for (std::string_view line : *lines) {
      const size_t tab = line.find('\t');
      if (tab != std::string_view::npos) full->emplace(line.substr(0, tab), line.substr(tab + 1));
    }
    return full;
  }();
  auto it = kFull->find(folded_word);
  return it == kFull->end() ? folded_word : it->second;
}

bool IsGivenName(std::string_view folded_word) {
  static const auto* const kNames = [] {
    auto* names = new std::unordered_set<std::string_view>();
    const std::unique_ptr<const std::unordered_set<std::string_view>> lines(
        Lines(kGivenNameList));
    for (std::string_view line : *lines) names->insert(line.substr(0, line.find('\t')));
    return names;
  }();
  return kNames->count(folded_word) > 0;
}

}  // namespace claims::store_internal
