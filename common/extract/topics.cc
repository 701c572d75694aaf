#include "common/extract/topics.h"

#include <algorithm>
#include <list>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/kb/knowledge_base.h"

namespace claims {

TopicTagger::TopicTagger(const Taxonomy& taxonomy) : taxonomy_(taxonomy) {
  const auto& rules = taxonomy_.rules();
  for (int r = 0; r < static_cast<int>(rules.size()); ++r) {
    for (int k = 0; k < static_cast<int>(rules[r].keywords.size()); ++k) {
      const std::string& phrase = rules[r].keywords[k];
      phrases_[phrase].refs.push_back({r, k});
      for (size_t space = phrase.find(' '); space != std::string::npos;
           space = phrase.find(' ', space + 1)) {
        phrases_[phrase.substr(0, space)].extends = true;
      }
      int words = 1 + static_cast<int>(std::count(phrase.begin(), phrase.end(), ' '));
      max_phrase_words_ = std::max(max_phrase_words_, words);
    }
  }
}

std::vector<TopicHit> TopicTagger::Tag(const std::vector<text::Token>& tokens,
                                       size_t max_topics) const {
  // The sentence as lower-case words with normalized apostrophes; a
  // possessive is a word of its own ("'s") so phrases match on words.
  std::vector<absl::string_view> words;
  words.reserve(tokens.size());
  // Words NormalizeKey changes (rare); a list, so views into it stay valid.
  std::list<std::string> normalized;
  for (const auto& t : tokens) {
    if (!t.is_word && !t.is_number) {
      if (t.possessive) words.push_back("'s");
      continue;
    }
    if (t.text.find('\xE2') == absl::string_view::npos) {
      words.push_back(t.lower);  // NormalizeKey only maps U+2010..U+2019
    } else {
      normalized.push_back(absl::AsciiStrToLower(KnowledgeBase::NormalizeKey(t.text)));
      words.push_back(normalized.back());
    }
  }
  // For each rule, the keywords found (each counted once) and the first.
  const auto& rules = taxonomy_.rules();
  std::vector<std::vector<bool>> found(rules.size());
  std::string phrase;
  for (size_t start = 0; start < words.size(); ++start) {
    phrase.clear();
    for (size_t n = 0; n < static_cast<size_t>(max_phrase_words_) &&
                       start + n < words.size();
         ++n) {
      if (n > 0) phrase.push_back(' ');
      phrase.append(words[start + n].data(), words[start + n].size());
      auto it = phrases_.find(phrase);
      if (it == phrases_.end()) break;  // no phrase starts with these words
      for (const KeywordRef& ref : it->second.refs) {
        auto& seen = found[ref.rule];
        if (seen.empty()) seen.resize(rules[ref.rule].keywords.size());
        seen[ref.keyword] = true;
      }
      if (!it->second.extends) break;
    }
  }
  std::vector<TopicHit> hits;
  for (size_t r = 0; r < rules.size(); ++r) {
    if (found[r].empty()) continue;
    TopicHit hit;
    hit.topic = rules[r].topic;
    for (size_t k = 0; k < found[r].size(); ++k) {
      if (!found[r][k]) continue;
      if (hit.hits == 0) hit.keyword = rules[r].keywords[k];
      ++hit.hits;
    }
    hits.push_back(std::move(hit));
  }
  // Drop parents of matched children.
  std::vector<TopicHit> out;
  for (const auto& h : hits) {
    bool has_child = std::any_of(hits.begin(), hits.end(), [&](const TopicHit& o) {
      return absl::StartsWith(o.topic, absl::StrCat(h.topic, "/"));
    });
    if (!has_child) out.push_back(h);
  }
  auto depth = [](const std::string& id) {
    return std::count(id.begin(), id.end(), '/');
  };
  std::stable_sort(out.begin(), out.end(), [&](const TopicHit& a, const TopicHit& b) {
    if (depth(a.topic) != depth(b.topic)) return depth(a.topic) > depth(b.topic);
    return a.hits > b.hits;
  });
  if (out.size() > max_topics) out.resize(max_topics);
  return out;
}

}  // namespace claims
